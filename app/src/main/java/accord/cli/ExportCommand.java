package accord.cli;

import accord.ledger.LogStore;
import accord.node.Node;
import accord.tlog.Checkpoint;
import accord.tlog.Note;
import accord.tlog.tiles.TileWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write an accord's whole log (cosigned checkpoint, tiles, entries) to one archive that 'verify --archive' checks offline.")
final class ExportCommand implements Runnable {
  @Mixin NodeOptions node;

  @Option(names = "--accord", required = true, description = "accord id, e.g. kabul-2025")
  String accord;

  @Option(names = "--out", required = true, description = "the archive to write (.zip)")
  Path out;

  @Override
  public void run() {
    try (Node n = node.open()) {
      Map<String, byte[]> files = n.db().jdbi().inTransaction(h -> {
        byte[] cp = LogStore.latestCheckpoint(h, accord)
            .orElseThrow(() -> new IllegalArgumentException("no log for accord " + accord));
        long size = Checkpoint.parse(Note.parse(cp).text()).size();
        Map<Long, byte[]> notes = new TreeMap<>();
        for (long from = 0; from < size; ) {
          var page = LogStore.entries(h, accord, from, 10_000);
          page.forEach(s -> notes.put(s.index(), s.note()));
          from += page.size();
          if (page.isEmpty()) {
            break;
          }
        }
        Map<String, byte[]> all = new TreeMap<>(TileWriter.all(size, LogStore.hashReader(h, accord), notes::get));
        all.put("checkpoint", cp);
        return all;
      });
      write(files);
      System.out.println("wrote " + files.size() + " files to " + out);
    }
  }

  /** Writes to a temporary file first, so a failed export never leaves a half archive behind. */
  private void write(Map<String, byte[]> files) {
    try {
      Path abs = out.toAbsolutePath();
      Path tmp = Files.createTempFile(abs.getParent(), ".export", ".tmp");
      try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
        for (var e : files.entrySet()) {
          zip.putNextEntry(new ZipEntry(e.getKey()));
          zip.write(e.getValue());
          zip.closeEntry();
        }
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + out + ": " + e.getMessage());
    }
  }
}
