// The sandbox's JQL tokenizer and parser.
import { describe, expect, it } from 'vitest'
import { JqlError, parseJql, type JqlQuery } from '../sandbox/jql.ts'

const s = (value: string) => ({ kind: 'string', value }) as const

function errorOf(jql: string): string {
  try {
    parseJql(jql)
  } catch (error) {
    expect(error).toBeInstanceOf(JqlError)
    return (error as Error).message
  }
  throw new Error(`expected "${jql}" to be refused`)
}

describe('parseJql: clauses', () => {
  it('an empty query has no condition and no order', () => {
    expect(parseJql('')).toEqual({ orderBy: [] })
    expect(parseJql('   ')).toEqual({ orderBy: [] })
  })

  it('key in (…) with bare and quoted keys', () => {
    expect(parseJql('key in (A-1, "B-2",C-3)')).toEqual<JqlQuery>({
      where: { type: 'clause', field: 'key', operator: 'in', values: [s('A-1'), s('B-2'), s('C-3')] },
      orderBy: [],
    })
  })

  it('field aliases and keywords are case-insensitive', () => {
    expect(parseJql('IssueKey = jj-1 and PROJECT In (JJ) AnD Status NOT IN ("Done")')).toEqual<JqlQuery>({
      where: {
        type: 'and',
        terms: [
          { type: 'clause', field: 'key', operator: '=', values: [s('jj-1')] },
          { type: 'clause', field: 'project', operator: 'in', values: [s('JJ')] },
          { type: 'clause', field: 'status', operator: 'not in', values: [s('Done')] },
        ],
      },
      orderBy: [],
    })
  })

  it('summary ~ with escapes and unicode', () => {
    expect(parseJql('summary ~ "say \\"hi\\" \\\\ ☃ \\u00fc"').where).toEqual({
      type: 'clause',
      field: 'summary',
      operator: '~',
      values: [s('say "hi" \\ ☃ ü')],
    })
    expect(parseJql("summary ~ 'it\\'s'").where).toEqual({ type: 'clause', field: 'summary', operator: '~', values: [s("it's")] })
    expect(parseJql('summary ~ Ünïcode').where).toEqual({ type: 'clause', field: 'summary', operator: '~', values: [s('Ünïcode')] })
  })

  it('assignee with currentUser(), EMPTY and is not', () => {
    expect(parseJql('assignee = currentUser()').where).toEqual({
      type: 'clause',
      field: 'assignee',
      operator: '=',
      values: [{ kind: 'function', name: 'currentUser', args: [] }],
    })
    expect(parseJql('assignee is EMPTY').where).toEqual({ type: 'clause', field: 'assignee', operator: 'is', values: [{ kind: 'empty' }] })
    expect(parseJql('assignee IS NOT null').where).toEqual({ type: 'clause', field: 'assignee', operator: 'is not', values: [{ kind: 'empty' }] })
  })

  it('OR binds looser than AND; NOT and parentheses; && and ||', () => {
    expect(parseJql('status = Open OR status = Done AND assignee = alana')).toEqual<JqlQuery>({
      where: {
        type: 'or',
        terms: [
          { type: 'clause', field: 'status', operator: '=', values: [s('Open')] },
          {
            type: 'and',
            terms: [
              { type: 'clause', field: 'status', operator: '=', values: [s('Done')] },
              { type: 'clause', field: 'assignee', operator: '=', values: [s('alana')] },
            ],
          },
        ],
      },
      orderBy: [],
    })
    expect(parseJql('NOT (project = JJ || key = SEC-1) && status != Done')).toEqual<JqlQuery>({
      where: {
        type: 'and',
        terms: [
          {
            type: 'not',
            term: {
              type: 'or',
              terms: [
                { type: 'clause', field: 'project', operator: '=', values: [s('JJ')] },
                { type: 'clause', field: 'key', operator: '=', values: [s('SEC-1')] },
              ],
            },
          },
          { type: 'clause', field: 'status', operator: '!=', values: [s('Done')] },
        ],
      },
      orderBy: [],
    })
  })

  it('a quoted keyword is a value', () => {
    expect(parseJql('summary ~ "AND"').where).toEqual({ type: 'clause', field: 'summary', operator: '~', values: [s('AND')] })
  })
})

describe('parseJql: ORDER BY', () => {
  it('takes several fields with optional directions', () => {
    expect(parseJql('project = JJ order by priority DESC, key').orderBy).toEqual([
      { field: 'priority', direction: 'desc' },
      { field: 'key', direction: 'asc' },
    ])
    expect(parseJql('ORDER BY created asc, updated DESC')).toEqual<JqlQuery>({
      orderBy: [
        { field: 'created', direction: 'asc' },
        { field: 'updated', direction: 'desc' },
      ],
    })
  })
})

describe('parseJql: errors (JIRA wording, line and character)', () => {
  it('unknown field', () => {
    expect(errorOf('foo = bar')).toBe("Field 'foo' does not exist or you do not have permission to view it. (line 1, character 1)")
    expect(errorOf('project = JJ ORDER BY nope')).toBe(
      "Field 'nope' does not exist or you do not have permission to view it. (line 1, character 23)",
    )
  })

  it('missing or wrong operator', () => {
    expect(errorOf('project JJ')).toBe(
      "Expecting operator but got 'JJ'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)",
    )
    expect(errorOf('summary = x')).toBe("The operator '=' is not supported by the 'summary' field. (line 1, character 9)")
    expect(errorOf('key ~ x')).toBe("The operator '~' is not supported by the 'key' field. (line 1, character 5)")
  })

  it('missing value, unbalanced list, trailing garbage', () => {
    expect(errorOf('project = ')).toBe(
      "Expecting either a value, list or function but got 'EOF'. You must surround 'EOF' in quotation marks to use it as a value. (line 1, character 11)",
    )
    expect(errorOf('key in (A-1, B-2')).toBe("Expecting ')' but got 'EOF'. (line 1, character 17)")
    expect(errorOf('key = A-1 B-2')).toBe("Expecting either 'OR' or 'AND' but got 'B-2'. (line 1, character 11)")
    expect(errorOf('project = AND')).toBe(
      "Expecting either a value, list or function but got 'AND'. You must surround 'AND' in quotation marks to use it as a value. (line 1, character 11)",
    )
  })

  it('unterminated strings, bad escapes, reserved characters', () => {
    expect(errorOf('summary ~ "abc')).toBe("The quoted string 'abc' has not been completed. (line 1, character 11)")
    expect(errorOf('summary ~ "a\\qb"')).toBe("The escape sequence '\\q' is illegal. (line 1, character 13)")
    expect(errorOf('summary ~ 100%')).toBe(
      "The character '%' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0025' instead. (line 1, character 14)",
    )
  })

  it('functions and EMPTY where they do not belong; lines are counted', () => {
    expect(errorOf('assignee = membersOf(x)')).toBe("Unable to find JQL function 'membersOf(x)'. (line 1, character 12)")
    expect(errorOf('key = EMPTY')).toBe("The field 'key' does not support searching for EMPTY values. (line 1, character 1)")
    expect(errorOf('key is EMPTY')).toBe("The operator 'is' is not supported by the 'key' field. (line 1, character 5)")
    expect(errorOf('project = JJ\nAND bogus = 1')).toBe("Field 'bogus' does not exist or you do not have permission to view it. (line 2, character 5)")
    expect(errorOf('project = JJ ORDER BY summary')).toBe("Not able to sort using field 'summary'. (line 1, character 23)")
    expect(errorOf('project = JJ ORDER key')).toBe("Expecting 'by' but got 'key'. (line 1, character 20)")
  })
})
