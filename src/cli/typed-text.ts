// What the user typed for an option yargs read as a number: "abc" becomes NaN before any command
// sees it, and "got NaN" tells the user nothing. Only for messages; the parsed value is what runs.

/** `--name value` or `--name=value`, the last one given, from the command line of this process. */
function typedText(name: string, argv: readonly string[]): string | undefined {
  let text: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === `--${name}` && i + 1 < argv.length) text = argv[i + 1];
    else if (arg.startsWith(`--${name}=`)) text = arg.slice(name.length + 3);
  });
  return text;
}

/** The value as a message quotes it: a number as itself, NaN as the text that was typed ("abc"). */
export function asTyped(name: string, value: number, argv: readonly string[] = process.argv.slice(2)): string {
  if (!Number.isNaN(value)) return String(value);
  const text = typedText(name, argv);
  return text === undefined ? 'something that is not a number' : JSON.stringify(text);
}
