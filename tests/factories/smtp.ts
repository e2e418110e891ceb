// A real SMTP server on loopback for tests: messages arrive over the wire and are parsed as a mail
// client would. `refuse` makes the server reject the next messages, as a full mailbox would.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { closeTransport } from "~/modules/mail/transport.server";

export type TestSmtp = { url: string; received: ParsedMail[]; refuse: (on: boolean) => void; close: () => Promise<void> };

export async function startSmtp(): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      if (refusing) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse: (on) => {
      refusing = on;
    },
    close: async () => {
      closeTransport();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
