package accord.notify;

import java.util.List;

/**
 * Something the people of one party should be told because an entry was appended: the entry
 * ({@code accord}, {@code index}, its time {@code at}), the party told, a message-bundle key with
 * its arguments (so each reader sees it in their own language) and the page it concerns.
 */
public record Notice(String accord, long index, String at, String party, String msg, List<String> args, String link) {
  public Notice {
    args = List.copyOf(args);
  }
}
