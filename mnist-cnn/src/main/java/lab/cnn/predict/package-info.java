/**
 * A trained cnn put to use: {@link lab.cnn.predict.DigitImage} turns any picture of a digit into
 * a 28x28 input the way MNIST was made (grey, inverted if dark on light, cropped, the longer side
 * 20 pixels, centred by centre of mass), {@link lab.cnn.predict.DigitInputs} reads pictures and
 * IDX files (a bad file becomes a reason, not an exception), {@link lab.cnn.predict.DigitModel}
 * restores a run's {@code model.zip} and gives class probabilities, and
 * {@link lab.cnn.predict.PredictionPrinter} prints the top guesses. {@link
 * lab.cnn.predict.ExampleDigits} writes the example pictures of {@code examples/}. The command
 * line ({@code kind: predict}, {@code kind: digit-examples}) lives in {@code lab.cnn.experiment}.
 */
package lab.cnn.predict;
