/** Examples under a command's --help (commander's addHelpText), one aligned line each. */
import type { Command } from 'commander';

export function examples(command: Command, lines: Array<[command: string, what: string]>): void {
  const width = Math.max(...lines.map(([c]) => c.length));
  const text = lines.map(([c, what]) => `  $ ${c.padEnd(width)}  # ${what}`).join('\n');
  command.addHelpText('after', `\nExamples:\n${text}\n`);
}
