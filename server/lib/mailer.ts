import nodemailer from "nodemailer";
import type { FastifyBaseLogger } from "fastify";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  readonly enabled: boolean;
  /** Resolves true when handed to the mail server; false when email is not configured or sending failed. */
  send(mail: Mail): Promise<boolean>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string, log: FastifyBaseLogger): Mailer {
  if (!smtpUrl) {
    return { enabled: false, send: async () => false, close: () => undefined };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    async send(mail) {
      try {
        await transport.sendMail({ from, ...mail });
        return true;
      } catch (err) {
        // The link is always shown in the app, so a mail failure is logged rather than failing the request.
        log.warn({ err, to: mail.to.replace(/^(.).*@/, "$1***@") }, "email could not be sent");
        return false;
      }
    },
    close: () => transport.close(),
  };
}
