package accord.tlog.witness;

import accord.tlog.Checkpoint;
import accord.tlog.NoteSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The answer to an add-checkpoint request, as tlog-witness defines it: an HTTP status, a content
 * type and a body, so a web layer can serve it as it is.
 */
public sealed interface Outcome {
  int status();

  String contentType();

  byte[] body();

  String TEXT = "text/plain; charset=utf-8";

  /** 200: the witness stored the checkpoint and returns its cosignature lines. */
  record Cosigned(Checkpoint checkpoint, List<NoteSignature> cosignatures) implements Outcome {
    public Cosigned {
      cosignatures = List.copyOf(cosignatures);
    }

    @Override
    public int status() {
      return 200;
    }

    @Override
    public String contentType() {
      return TEXT;
    }

    @Override
    public byte[] body() {
      StringBuilder sb = new StringBuilder();
      for (NoteSignature s : cosignatures) {
        sb.append(s.line()).append('\n');
      }
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * 409: the request's old size is not the size the witness last cosigned (or the same size came
   * with another root). The body tells the log which size to prove consistency from.
   */
  record Conflict(long latestSize) implements Outcome {
    @Override
    public int status() {
      return 409;
    }

    @Override
    public String contentType() {
      return "text/x.tlog.size";
    }

    @Override
    public byte[] body() {
      return (latestSize + "\n").getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** 400, 403, 404 or 422, with a one-line reason for the log's operator. */
  record Rejected(int status, String reason) implements Outcome {
    public Rejected {
      if (status != 400 && status != 403 && status != 404 && status != 422) {
        throw new IllegalArgumentException("not a tlog-witness rejection status: " + status);
      }
    }

    public static Rejected badRequest(String reason) {
      return new Rejected(400, reason);
    }

    public static Rejected forbidden(String reason) {
      return new Rejected(403, reason);
    }

    public static Rejected notFound(String reason) {
      return new Rejected(404, reason);
    }

    public static Rejected unprocessable(String reason) {
      return new Rejected(422, reason);
    }

    @Override
    public String contentType() {
      return TEXT;
    }

    @Override
    public byte[] body() {
      return (reason.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
    }
  }
}
