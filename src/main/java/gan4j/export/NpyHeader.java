package gan4j.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The header of a version 1.0 {@code .npy} array (NumPy's NEP 1 format): magic, version, and a
 * Python dict literal naming dtype, order and shape, padded with spaces to a multiple of 64 bytes.
 * Written ahead of the data so that an array can be streamed in batches of any size.
 */
final class NpyHeader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int ALIGNMENT = 64;

    private NpyHeader() {
    }

    /** The header for a C-order array of {@code dtype} (NumPy's descriptor, such as "|u1" or "<i8"). */
    static byte[] of(String dtype, long... shape) {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        // A one-dimensional shape is a Python tuple of one element and needs its trailing comma.
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': ("
                + dims + (shape.length == 1 ? "," : "") + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String text = dict + " ".repeat(padding) + "\n";
        if (text.length() > 0xFFFF) {
            throw new IllegalArgumentException("an npy 1.0 header holds at most 65535 bytes");
        }
        byte[] header = new byte[MAGIC.length + 2 + text.length()];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        header[MAGIC.length] = (byte) (text.length() & 0xFF);
        header[MAGIC.length + 1] = (byte) (text.length() >>> 8);
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(body, 0, header, MAGIC.length + 2, body.length);
        return header;
    }
}
