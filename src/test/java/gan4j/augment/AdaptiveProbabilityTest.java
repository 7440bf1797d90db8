package gan4j.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** StyleGAN2-ADA's rule: every 4 steps, p += sign(r − target)·images/adaImages, clamped to [0, 1]. */
class AdaptiveProbabilityTest {

    private final AdaptiveProbability ada = new AdaptiveProbability(0.6, 1000);

    @Test
    void accumulatesSignsForFourStepsThenMovesByTheImagesSeen() {
        AugmentState state = AugmentState.at(0.5);
        state = ada.after(state, 0, 64, 64);
        state = ada.after(state, 1, 64, 64);
        state = ada.after(state, 2, 0, 64);
        assertEquals(new AugmentState(0.5, 128, 192), state);
        // r = (128 + 32) / 256 = 0.625 > 0.6: D is overfitting, augment more.
        state = ada.after(state, 3, 32, 64);
        assertEquals(AugmentState.at(0.5 + 256 / 1000.0), state);
    }

    @Test
    void fallsWhenDIsUnsureAndStaysInTheUnitInterval() {
        AugmentState low = ada.after(new AugmentState(0.1, -100, 192), 7, -10, 64);
        assertEquals(AugmentState.at(0), low);
        AugmentState high = ada.after(new AugmentState(0.9, 192, 192), 11, 64, 64);
        assertEquals(AugmentState.at(1), high);
    }
}
