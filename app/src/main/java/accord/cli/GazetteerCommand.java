package accord.cli;

import accord.gazetteer.Gazetteer;
import accord.gazetteer.Importer;
import accord.gazetteer.Index;
import accord.node.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "gazetteer",
    mixinStandardHelpOptions = true,
    description = "The node's gazetteer: places, boundaries and the border line incidents are placed by.",
    subcommands = {GazetteerCommand.Import.class, GazetteerCommand.ListSets.class, GazetteerCommand.Find.class, GazetteerCommand.Locate.class})
final class GazetteerCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Load a file as one gazetteer set (replacing a set of the same name), all or nothing:"
          + " GeoJSON outlines with codes or a border line, or a CSV (GeoNames, OCHA P-codes, CLDR subdivisions,"
          + " district centres, names in other scripts, crossings). The layout is found from the file unless --kind says it.")
  static final class Import implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE") Path file;

    @Option(names = "--kind", description = "one of: ${COMPLETION-CANDIDATES}", completionCandidates = Kinds.class)
    String kind;

    @Option(names = "--name", description = "the set's name (default: the file's name)") String name;
    @Option(names = "--source", description = "whose data it is (shown with the set; for a border file, whose line)") String source;
    @Option(names = "--licence", description = "the licence it comes under") String licence;
    @Option(names = "--level", description = "for outlines: country, admin1 or admin2 (default: found from the properties)") String level;
    @Option(names = "--code-property", description = "for outlines: the property holding each unit's code") String codeProperty;
    @Option(names = "--name-property", description = "for outlines: the property holding each unit's name (default: name)") String nameProperty;
    @Mixin NodeOptions node;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no file " + file);
      }
      byte[] content = Files.readAllBytes(file);
      try (Node n = node.open()) {
        Gazetteer.Imported r = n.gazetteer().importFile(file.getFileName().toString(), content,
            new Importer.Options(kind, name, source, licence, level, codeProperty, nameProperty));
        System.out.println("loaded set " + r.set() + " (" + r.kind() + "): " + r.places() + " places, " + r.names() + " names, "
            + r.boundaries() + " outlines, " + r.lines() + " border lines; " + r.incidentsPlaced() + " incidents placed again");
        return 0;
      }
    }
  }

  static final class Kinds extends java.util.ArrayList<String> {
    Kinds() {
      super(Importer.KINDS);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The sets loaded, oldest first, with licence and attribution.")
  static final class ListSets implements Callable<Integer> {
    @Mixin NodeOptions node;

    @Override
    public Integer call() {
      try (Node n = node.open()) {
        for (Gazetteer.LoadedSet s : n.gazetteer().sets()) {
          System.out.println(s.name() + "\t" + s.kind() + "\t" + s.items() + " items\t" + s.loadedAt() + "\t" + s.licence()
              + "\t" + s.attribution());
        }
        n.gazetteer().index().line().ifPresent(l -> System.out.println("border line in force: " + l.name() + " (" + l.set() + ")"));
        return 0;
      }
    }
  }

  @Command(name = "find", mixinStandardHelpOptions = true, description = "Places by name, in any script.")
  static final class Find implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME") String query;
    @Option(names = "--limit", defaultValue = "10") int limit;
    @Mixin NodeOptions node;

    @Override
    public Integer call() {
      try (Node n = node.open()) {
        var hits = n.gazetteer().search(query, Math.max(1, Math.min(limit, 100)));
        for (Index.Hit h : hits) {
          var p = h.place();
          System.out.println(p.name() + "\t" + p.kind() + "\t" + (p.country() == null ? "" : p.country()) + "\t"
              + (p.bestCode() == null ? "" : p.bestCode()) + "\t" + (p.hasPoint() ? p.lat() + "," + p.lon() : "") + "\t"
              + p.id() + (h.matched().equals(p.name()) ? "" : "\t(" + h.matched() + ")"));
        }
        return hits.isEmpty() ? 1 : 0;
      }
    }
  }

  @Command(name = "locate", mixinStandardHelpOptions = true, description = "The district and province of a point, and its distance to the border line.")
  static final class Locate implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LAT") double lat;
    @Parameters(index = "1", paramLabel = "LON") double lon;
    @Mixin NodeOptions node;

    @Override
    public Integer call() {
      try (Node n = node.open()) {
        Index.Location l = n.gazetteer().locate(lat, lon);
        System.out.println("country: " + (l.country() == null ? "unknown" : l.country()));
        System.out.println("admin1: " + ref(l.admin1()));
        System.out.println("admin2: " + ref(l.admin2()) + " (" + l.method()
            + (l.centreKm() == null ? "" : ", centre " + l.centreKm() + " km away") + ")");
        System.out.println("border: " + (l.borderKm() == null ? "no line loaded" : l.borderKm() + " km from " + l.line()));
        return 0;
      }
    }

    private static String ref(Index.Ref r) {
      return r == null ? "unknown" : r.name() + " [" + r.code() + "]";
    }
  }
}
