package accord.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One statement in an accord's joint record, before or after signing: what kind of change it is
 * ({@code type}), which accord, which party (or observer, or the secretariat) is its author and
 * which of their users wrote it, when, which earlier entries it refers to, the language its free
 * text is written in, and the body the entry type defines.
 */
public record Entry(
    String type,
    String accord,
    String party,
    String user,
    Instant time,
    List<Long> refs,
    String lang,
    ObjectNode body) {

  public Entry {
    // The signed form carries milliseconds (EntryCodec.formatTime): the entry applied when it is
    // appended must be the one a rebuild reads back from the log, to the last digit.
    time = time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    refs = refs == null ? List.of() : List.copyOf(refs);
    if (lang == null || lang.isBlank()) {
      lang = "en";
    }
  }
}
