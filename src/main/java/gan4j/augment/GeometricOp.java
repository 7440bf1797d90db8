package gan4j.augment;

import java.util.SplittableRandom;

/**
 * The geometric ops, each a {@link Resampling}. Translation and cutout follow DiffAugment's code
 * (Zhao et al. 2020): an integer shift of up to 1/8 of the image in each direction, zero-padded, and
 * a zeroed square of half the image side, centred anywhere, clipped at the border. Flip (horizontal,
 * half of the active samples) and rotate90 (0, 90, 180 or 270°, counter-clockwise) follow the
 * {@code xflip} and {@code rotate90} ops of StyleGAN2-ADA (Karras et al. 2020).
 */
enum GeometricOp implements AugmentOp {
    TRANSLATION {
        @Override
        public Transform draw(Planes planes, boolean[] active, SplittableRandom random) {
            int maxRows = (int) (planes.h() * 0.125 + 0.5);
            int maxColumns = (int) (planes.w() * 0.125 + 0.5);
            int[] source = new int[planes.size()];
            for (int i = 0; i < planes.n(); i++) {
                int rows = random.nextInt(-maxRows, maxRows + 1);
                int columns = random.nextInt(-maxColumns, maxColumns + 1);
                if (!active[i]) {
                    rows = 0;
                    columns = 0;
                }
                for (int c = 0; c < planes.c(); c++) {
                    for (int y = 0; y < planes.h(); y++) {
                        for (int x = 0; x < planes.w(); x++) {
                            int fromY = y + rows;
                            int fromX = x + columns;
                            boolean inside = fromY >= 0 && fromY < planes.h() && fromX >= 0 && fromX < planes.w();
                            source[planes.index(i, c, y, x)] = inside ? planes.index(i, c, fromY, fromX) : -1;
                        }
                    }
                }
            }
            return new Resampling(source);
        }
    },
    CUTOUT {
        @Override
        public Transform draw(Planes planes, boolean[] active, SplittableRandom random) {
            int height = (int) (planes.h() * 0.5 + 0.5);
            int width = (int) (planes.w() * 0.5 + 0.5);
            int[] source = identity(planes);
            for (int i = 0; i < planes.n(); i++) {
                // The centre's range as in DiffAugment: one more position when the side is even.
                int centreY = random.nextInt(0, planes.h() + (1 - height % 2));
                int centreX = random.nextInt(0, planes.w() + (1 - width % 2));
                if (!active[i]) {
                    continue;
                }
                int top = Math.max(0, centreY - height / 2);
                int bottom = Math.min(planes.h() - 1, centreY - height / 2 + height - 1);
                int left = Math.max(0, centreX - width / 2);
                int right = Math.min(planes.w() - 1, centreX - width / 2 + width - 1);
                for (int c = 0; c < planes.c(); c++) {
                    for (int y = top; y <= bottom; y++) {
                        for (int x = left; x <= right; x++) {
                            source[planes.index(i, c, y, x)] = -1;
                        }
                    }
                }
            }
            return new Resampling(source);
        }
    },
    FLIP {
        @Override
        public Transform draw(Planes planes, boolean[] active, SplittableRandom random) {
            int[] source = identity(planes);
            for (int i = 0; i < planes.n(); i++) {
                boolean flip = random.nextBoolean();
                if (!active[i] || !flip) {
                    continue;
                }
                for (int c = 0; c < planes.c(); c++) {
                    for (int y = 0; y < planes.h(); y++) {
                        for (int x = 0; x < planes.w(); x++) {
                            source[planes.index(i, c, y, x)] = planes.index(i, c, y, planes.w() - 1 - x);
                        }
                    }
                }
            }
            return new Resampling(source);
        }
    },
    ROTATE90 {
        @Override
        public Transform draw(Planes planes, boolean[] active, SplittableRandom random) {
            if (planes.h() != planes.w()) {
                throw new IllegalArgumentException("rotate90 needs square images, got " + planes.h() + "×"
                        + planes.w());
            }
            int side = planes.h();
            int[] source = identity(planes);
            for (int i = 0; i < planes.n(); i++) {
                int quarterTurns = random.nextInt(4);
                if (!active[i]) {
                    continue;
                }
                for (int c = 0; c < planes.c(); c++) {
                    for (int y = 0; y < side; y++) {
                        for (int x = 0; x < side; x++) {
                            int fromY = y;
                            int fromX = x;
                            // One counter-clockwise quarter turn reads out[y][x] from in[x][side-1-y].
                            for (int t = 0; t < quarterTurns; t++) {
                                int turnedY = fromX;
                                fromX = side - 1 - fromY;
                                fromY = turnedY;
                            }
                            source[planes.index(i, c, y, x)] = planes.index(i, c, fromY, fromX);
                        }
                    }
                }
            }
            return new Resampling(source);
        }
    };

    private static int[] identity(Planes planes) {
        int[] source = new int[planes.size()];
        for (int o = 0; o < source.length; o++) {
            source[o] = o;
        }
        return source;
    }
}
