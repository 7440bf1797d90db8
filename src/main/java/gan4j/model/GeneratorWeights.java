package gan4j.model;

/** Which generator weights sample: the moving average a run keeps ({@code train.ema}) or the trained ones. */
public enum GeneratorWeights { EMA, RAW }
