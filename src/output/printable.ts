// Text from a scenario or the command line made safe for a terminal: control characters (escape
// sequences that could move the cursor, retitle the window or hide text) are shown, not obeyed.

// C0 controls but tab and newline, DEL, the C1 controls (0x80-0x9f, which some terminals obey), and
// the bidirectional overrides and isolates, which reorder what is shown ("Trojan source").
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
