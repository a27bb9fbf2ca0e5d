package accord.notify;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/** Sends e-mail notices through the deployment's SMTP server with Jakarta Mail (Eclipse Angus). */
final class Mailer implements Channel {
  private final SmtpConfig smtp;
  private final String publicUrl;
  private final Session session;

  Mailer(SmtpConfig smtp, String publicUrl, int timeoutMillis) {
    this.smtp = smtp;
    this.publicUrl = publicUrl;
    Properties p = new Properties();
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", String.valueOf(smtp.port()));
    p.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
    p.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
    p.put("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
    p.put("mail.smtp.auth", String.valueOf(smtp.authenticates()));
    if (smtp.startTls()) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    this.session = Session.getInstance(p);
  }

  @Override
  public void send(Delivery d, Subscription s) throws Exception {
    Rendered r = Rendered.of(d, publicUrl);
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(smtp.from()));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(d.target()));
    m.setSubject("[Accord " + d.accord() + "] " + firstLine(r.message()), "UTF-8");
    m.setSentDate(new Date());
    m.setHeader("X-Accord-Notice", d.accord() + "/" + d.index() + "/" + d.party());
    m.setText(r.message() + "\n\n" + r.link() + "\n\n"
        + "Accord " + d.accord() + ", entry " + d.index() + ", for " + d.party() + " (" + d.at() + ")\n"
        + "Message key: " + d.msg() + " " + d.args() + "\n", "UTF-8");
    if (smtp.authenticates()) {
      Transport.send(m, smtp.user(), smtp.password());
    } else {
      Transport.send(m);
    }
  }

  private static String firstLine(String s) {
    String line = s.lines().findFirst().orElse("");
    return line.length() > 120 ? line.substring(0, 117) + "…" : line;
  }
}
