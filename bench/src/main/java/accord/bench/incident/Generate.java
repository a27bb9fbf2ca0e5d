package accord.bench.incident;

import java.nio.file.Path;

/** {@code Generate FILE ROWS [SEED]}: writes the generated ACLED file the import benchmark reads. */
public final class Generate {
  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20250420L;
    long bytes = AcledGenerator.write(Path.of(args[0]), rows, seed);
    System.out.printf("%,d rows, %,d bytes%n", rows, bytes);
  }
}
