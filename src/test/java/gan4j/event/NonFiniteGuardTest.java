package gan4j.event;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.model.GanModel;
import gan4j.testing.ToyModels;
import gan4j.train.RunEvent;
import gan4j.train.StepMetrics;
import gan4j.train.TrainingState;
import org.junit.jupiter.api.Test;

class NonFiniteGuardTest {

    private static RunEvent.StepCompleted step(GanModel model) {
        return new RunEvent.StepCompleted(new TrainingState(5), model.networks(),
                new StepMetrics(4, 1.2, 0.7, 0, 0.6, 0.4, 0.45, 100, 0));
    }

    @Test
    void finiteLossesWithNonFiniteParametersStillStopTheRun() {
        GanModel model = ToyModels.model(ToyModels.config());
        NonFiniteGuard guard = new NonFiniteGuard();
        assertDoesNotThrow(() -> guard.on(step(model)));

        model.critic().params().putScalar(3, Double.POSITIVE_INFINITY);
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> guard.on(step(model)));
        assertTrue(e.getMessage().startsWith("training diverged at step 4 (the discriminator's parameters are no"
                + " longer finite"), e.getMessage());

        model.critic().params().putScalar(3, 0);
        model.generator().params().putScalar(0, Double.NaN);
        assertTrue(assertThrows(NonFiniteLossException.class, () -> guard.on(step(model))).getMessage()
                .contains("the generator's parameters"));
    }
}
