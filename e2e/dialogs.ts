// The page's dialogs (window.confirm, alert, prompt), handled explicitly: a test that expects one
// answers it through `dialogs.answer(...)`; any other fails the test (the `page` fixture checks).
// Why not Playwright's default: without a listener it dismisses every dialog silently, so a test
// could pass while the app asked the user something it should not have.
import type { Dialog } from '@playwright/test';

/** How long `answer` waits for the dialog its action should open. */
const DIALOG_TIMEOUT_MS = 20_000;

/** A dialog the page opened, as the test saw it. */
export interface SeenDialog {
  type: string;
  message: string;
}

interface Expected {
  answer: 'accept' | 'dismiss';
  resolve(seen: SeenDialog): void;
}

/** The dialogs of one page: expected ones are answered as asked, the rest are recorded. */
export class Dialogs {
  private readonly expected: Expected[] = [];
  private readonly unexpected: SeenDialog[] = [];

  /** The page's `dialog` listener. */
  handle(dialog: Dialog): void {
    const seen = { type: dialog.type(), message: dialog.message() };
    const next = this.expected.shift();
    if (!next) {
      this.unexpected.push(seen);
      // Dismissed so the page does not hang; `check()` fails the test afterwards.
      void dialog.dismiss().catch(() => undefined);
      return;
    }
    const answered = next.answer === 'accept' ? dialog.accept() : dialog.dismiss();
    void answered.catch(() => undefined).then(() => next.resolve(seen));
  }

  /**
   * Runs `action`, which must open one dialog, answers it, and returns it once answered.
   *
   *   const asked = await dialogs.answer('dismiss', () => option.click());
   *   expect(asked.message).toMatch(/Replace your trained model/);
   */
  async answer(answer: 'accept' | 'dismiss', action: () => Promise<unknown>): Promise<SeenDialog> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let resolveShown: (seen: SeenDialog) => void = () => undefined;
    const shown = new Promise<SeenDialog>((resolve, reject) => {
      resolveShown = resolve;
      timer = setTimeout(
        () => reject(new Error(`No dialog appeared within ${DIALOG_TIMEOUT_MS} ms of the action.`)),
        DIALOG_TIMEOUT_MS,
      );
    });
    const entry: Expected = { answer, resolve: resolveShown };
    this.expected.push(entry);
    try {
      // Why both together: a click may not return until its dialog is answered.
      const [seen] = await Promise.all([shown, action()]);
      return seen;
    } finally {
      clearTimeout(timer);
      // Unanswered (the action failed, or no dialog came): a later dialog is not this one's.
      const waiting = this.expected.indexOf(entry);
      if (waiting >= 0) this.expected.splice(waiting, 1);
    }
  }

  /** Throws if the page opened a dialog no test asked for since the last check. */
  check(): void {
    const seen = this.unexpected.splice(0);
    if (seen.length === 0) return;
    const list = seen.map((d) => `${d.type}: "${d.message}"`).join('\n');
    throw new Error(`The page opened a dialog the test did not expect (dismissed):\n${list}`);
  }
}
