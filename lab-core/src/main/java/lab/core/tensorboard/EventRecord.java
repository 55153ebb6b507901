package lab.core.tensorboard;

import java.util.Arrays;

/**
 * One value of an event file as {@link EventReader} returns it: an {@code Event} with a summary of
 * several values gives one record per value.
 *
 * @param offset    byte offset of the TFRecord holding it in the file
 * @param tag       the summary tag; for {@link Kind#FILE_VERSION} the version string; else empty
 * @param value     a scalar's value (NaN for other kinds)
 * @param histogram a histogram's buckets (null for other kinds)
 * @param image     an image (null for other kinds)
 */
public record EventRecord(Kind kind, long offset, double wallTime, long step, String tag, double value,
                          Histogram histogram, Image image) {
    public enum Kind { FILE_VERSION, SESSION_START, SCALAR, HISTOGRAM, IMAGE, OTHER }

    /** An encoded image (PNG from {@link EventWriter}); colorspace 1 grey, 3 RGB, 4 RGBA. */
    public record Image(int width, int height, int colorspace, byte[] encoded) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Image i && width == i.width && height == i.height && colorspace == i.colorspace
                    && Arrays.equals(encoded, i.encoded);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(encoded);
        }

        @Override
        public String toString() {
            return "Image[" + width + "x" + height + ", colorspace " + colorspace + ", " + encoded.length + " bytes]";
        }
    }
}
