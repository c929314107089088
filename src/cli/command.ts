/** The shape every `jira-gateway <command>` has, and the bits of argument handling they share. */
import { UsageError } from './errors.ts'

export interface Command {
  name: string
  /** One line for `jira-gateway --help`. */
  summary: string
  /** The whole text of `jira-gateway <name> --help`. */
  help: string
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[]): Promise<number>
}

/** Every command takes -h/--help; spread into its parseArgs options. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const

export function printHelp(command: Command): number {
  process.stdout.write(`${command.help.trim()}\n`)
  return 0
}

export function out(text = ''): void {
  process.stdout.write(`${text}\n`)
}

/** Exactly `count` positional arguments, named for the message. */
export function expectPositionals(positionals: string[], names: string[]): string[] {
  if (positionals.length < names.length) throw new UsageError(`missing ${names.slice(positionals.length).map((name) => `<${name}>`).join(' ')}`)
  if (positionals.length > names.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[names.length])}`)
  return positionals
}
