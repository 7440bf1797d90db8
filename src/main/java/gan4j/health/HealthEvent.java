package gan4j.health;

/** One thing the health monitor saw at {@code step}: which detector ({@code kind}) and why, in words. */
public record HealthEvent(long step, String kind, String detail) {
}
