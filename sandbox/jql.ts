// A small JQL: a real tokenizer and recursive-descent parser for the subset the sandbox serves,
// with JIRA's error wording. Supported:
//   key|issuekey|issue|id   =  !=  in  not in          (moved keys resolve, see rest/jql-match.ts)
//   project                 =  !=  in  not in          (key, name or id)
//   summary                 ~  !~  is [not] EMPTY     (case-insensitive "contains")
//   assignee                =  !=  in  not in  is [not] EMPTY, currentUser()
//   status                  =  !=  in  not in          (name or id)
// joined with AND / OR (also && & || |), NOT / !, parentheses; then
//   ORDER BY key|created|updated|priority [ASC|DESC], ...
// Field names and keywords are case-insensitive; values are unquoted words or "…"/'…' strings with
// backslash escapes (\" \' \\ \t \n \r \uXXXX), any unicode.

export type JqlField = 'key' | 'project' | 'summary' | 'assignee' | 'status'
export type JqlOperator = '=' | '!=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not'
export type JqlSortField = 'key' | 'created' | 'updated' | 'priority'

export type JqlValue =
  | { kind: 'string'; value: string }
  | { kind: 'empty' }
  | { kind: 'function'; name: 'currentUser'; args: string[] }

export interface JqlClause {
  type: 'clause'
  field: JqlField
  operator: JqlOperator
  /** one value, or the list of `in` / `not in` */
  values: JqlValue[]
}

export type JqlExpression =
  | JqlClause
  | { type: 'and'; terms: JqlExpression[] }
  | { type: 'or'; terms: JqlExpression[] }
  | { type: 'not'; term: JqlExpression }

export interface JqlSort {
  field: JqlSortField
  direction: 'asc' | 'desc'
}

export interface JqlQuery {
  /** undefined for an empty query (all issues) */
  where?: JqlExpression
  orderBy: JqlSort[]
}

/** A query JIRA would answer with 400; `message` is what follows "Error in the JQL Query: ". */
export class JqlError extends Error {
  override name = 'JqlError'
}

// ---------------------------------------------------------------- tokenizer

type TokenType = 'word' | 'string' | 'op' | '(' | ')' | ',' | 'eof'

interface Token {
  type: TokenType
  /** the unescaped text: the value for word/string, the operator for op, AND/OR/NOT for symbols */
  text: string
  /** as written, for error messages */
  raw: string
  pos: number
}

const OPERATOR_CHARS = new Set(['=', '!', '<', '>', '~'])
/** characters that end an unquoted word */
const DELIMITERS = new Set([' ', '\t', '\r', '\n', '(', ')', ',', '"', "'", '&', '|', ...OPERATOR_CHARS])
/** JIRA's reserved characters: allowed only inside quotes (or escaped) */
const RESERVED = new Set(['+', ';', '?', '*', '/', '%', '^', '$', '#', '[', ']', '{', '}'])

export function tokenize(jql: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < jql.length) {
    const ch = jql[i]!
    if (/\s/.test(ch)) {
      i++
      continue
    }
    const start = i
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch, text: ch, raw: ch, pos: start })
      i++
    } else if (ch === '&' || ch === '|') {
      // `&&`/`&` mean AND and `||`/`|` mean OR in JQL
      i += jql[i + 1] === ch ? 2 : 1
      tokens.push({ type: 'word', text: ch === '&' ? 'AND' : 'OR', raw: jql.slice(start, i), pos: start })
    } else if (OPERATOR_CHARS.has(ch)) {
      const two = jql.slice(i, i + 2)
      if (two === '!=' || two === '!~' || two === '<=' || two === '>=') {
        tokens.push({ type: 'op', text: two, raw: two, pos: start })
        i += 2
      } else if (ch === '!') {
        tokens.push({ type: 'word', text: 'NOT', raw: '!', pos: start })
        i++
      } else {
        tokens.push({ type: 'op', text: ch, raw: ch, pos: start })
        i++
      }
    } else if (ch === '"' || ch === "'") {
      i++
      let text = ''
      for (;;) {
        if (i >= jql.length) {
          throw new JqlError(`The quoted string '${jql.slice(start + 1)}' has not been completed. ${where(jql, start)}`)
        }
        const c = jql[i]!
        if (c === ch) {
          i++
          break
        }
        if (c === '\\') {
          const [value, length] = readEscape(jql, i)
          text += value
          i += length
        } else {
          text += c
          i++
        }
      }
      tokens.push({ type: 'string', text, raw: jql.slice(start, i), pos: start })
    } else {
      let text = ''
      while (i < jql.length && !DELIMITERS.has(jql[i]!)) {
        const c = jql[i]!
        if (c === '\\') {
          const [value, length] = readEscape(jql, i)
          text += value
          i += length
          continue
        }
        if (RESERVED.has(c)) {
          const code = c.charCodeAt(0).toString(16).padStart(4, '0')
          throw new JqlError(
            `The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${code}' instead. ${where(jql, i)}`,
          )
        }
        text += c
        i++
      }
      tokens.push({ type: 'word', text, raw: jql.slice(start, i), pos: start })
    }
  }
  tokens.push({ type: 'eof', text: 'EOF', raw: 'EOF', pos: jql.length })
  return tokens
}

function readEscape(jql: string, at: number): [string, number] {
  const next = jql[at + 1]
  switch (next) {
    case '"':
    case "'":
    case '\\':
    case ' ':
      return [next, 2]
    case 't':
      return ['\t', 2]
    case 'n':
      return ['\n', 2]
    case 'r':
      return ['\r', 2]
    case 'u': {
      const hex = jql.slice(at + 2, at + 6)
      if (/^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(parseInt(hex, 16)), 6]
      break
    }
  }
  throw new JqlError(`The escape sequence '${jql.slice(at, at + 2)}' is illegal. ${where(jql, at)}`)
}

/** JIRA's position suffix: line and character, both counted from 1 */
function where(jql: string, pos: number): string {
  const before = jql.slice(0, pos)
  const line = before.split('\n').length
  const character = pos - (before.lastIndexOf('\n') + 1) + 1
  return `(line ${line}, character ${character})`
}

// ---------------------------------------------------------------- parser

const FIELD_ALIASES: Record<string, JqlField> = {
  key: 'key',
  issuekey: 'key',
  issue: 'key',
  id: 'key',
  project: 'project',
  summary: 'summary',
  assignee: 'assignee',
  status: 'status',
}

const OPERATORS_BY_FIELD: Record<JqlField, readonly JqlOperator[]> = {
  key: ['=', '!=', 'in', 'not in'],
  project: ['=', '!=', 'in', 'not in'],
  summary: ['~', '!~', 'is', 'is not'],
  assignee: ['=', '!=', 'in', 'not in', 'is', 'is not'],
  status: ['=', '!=', 'in', 'not in'],
}

const SORT_FIELDS: Record<string, JqlSortField> = {
  key: 'key',
  issuekey: 'key',
  created: 'created',
  createddate: 'created',
  updated: 'updated',
  updateddate: 'updated',
  priority: 'priority',
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'EMPTY', 'NULL', 'ORDER', 'BY', 'ASC', 'DESC'])

export function parseJql(jql: string): JqlQuery {
  return new Parser(jql).parseQuery()
}

class Parser {
  private readonly tokens: Token[]
  private index = 0

  constructor(private readonly jql: string) {
    this.tokens = tokenize(jql)
  }

  parseQuery(): JqlQuery {
    let whereExpr: JqlExpression | undefined
    if (!this.atEnd() && !this.isKeyword(this.peek(), 'ORDER')) whereExpr = this.parseOr()
    const orderBy = this.isKeyword(this.peek(), 'ORDER') ? this.parseOrderBy() : []
    if (!this.atEnd()) {
      const token = this.peek()
      throw this.error(`Expecting either 'OR' or 'AND' but got '${token.raw}'.`, token)
    }
    return { ...(whereExpr ? { where: whereExpr } : {}), orderBy }
  }

  private parseOr(): JqlExpression {
    const terms = [this.parseAnd()]
    while (this.isKeyword(this.peek(), 'OR')) {
      this.next()
      terms.push(this.parseAnd())
    }
    return terms.length === 1 ? terms[0]! : { type: 'or', terms }
  }

  private parseAnd(): JqlExpression {
    const terms = [this.parseUnary()]
    while (this.isKeyword(this.peek(), 'AND')) {
      this.next()
      terms.push(this.parseUnary())
    }
    return terms.length === 1 ? terms[0]! : { type: 'and', terms }
  }

  private parseUnary(): JqlExpression {
    const token = this.peek()
    if (this.isKeyword(token, 'NOT')) {
      this.next()
      return { type: 'not', term: this.parseUnary() }
    }
    if (token.type === '(') {
      this.next()
      const inner = this.parseOr()
      this.expect(')', `Expecting ')' but got '${this.peek().raw}'.`)
      return inner
    }
    return this.parseClause()
  }

  private parseClause(): JqlClause {
    const fieldToken = this.next()
    if ((fieldToken.type !== 'word' && fieldToken.type !== 'string') || (fieldToken.type === 'word' && KEYWORDS.has(fieldToken.text.toUpperCase()))) {
      throw this.error(`Expecting a field name but got '${fieldToken.raw}'.`, fieldToken)
    }
    const field = FIELD_ALIASES[fieldToken.text.toLowerCase()]
    if (!field) throw this.error(`Field '${fieldToken.text}' does not exist or you do not have permission to view it.`, fieldToken)

    const operatorToken = this.peek()
    const operator = this.parseOperator()
    if (!OPERATORS_BY_FIELD[field].includes(operator)) {
      throw this.error(`The operator '${operator}' is not supported by the '${fieldToken.text}' field.`, operatorToken)
    }

    let values: JqlValue[]
    if (operator === 'in' || operator === 'not in') {
      values = this.parseList()
    } else if (operator === 'is' || operator === 'is not') {
      const token = this.next()
      if (!(token.type === 'word' && (this.isKeyword(token, 'EMPTY') || this.isKeyword(token, 'NULL')))) {
        throw this.error(`Expecting 'EMPTY' or 'NULL' but got '${token.raw}'.`, token)
      }
      values = [{ kind: 'empty' }]
    } else {
      values = [this.parseValue()]
    }
    for (const value of values) this.checkValueAllowed(field, fieldToken, value)
    return { type: 'clause', field, operator, values }
  }

  private parseOperator(): JqlOperator {
    const token = this.next()
    if (token.type === 'op') {
      if (token.text === '=' || token.text === '!=' || token.text === '~' || token.text === '!~') return token.text
      // < > <= >= are real JQL operators, but no field of this subset supports them
      throw this.error(`The operator '${token.text}' is not supported by the sandbox JIRA.`, token)
    }
    if (this.isKeyword(token, 'IN')) return 'in'
    if (this.isKeyword(token, 'IS')) {
      if (this.isKeyword(this.peek(), 'NOT')) {
        this.next()
        return 'is not'
      }
      return 'is'
    }
    if (this.isKeyword(token, 'NOT') && this.isKeyword(this.peek(), 'IN')) {
      this.next()
      return 'not in'
    }
    throw this.error(
      `Expecting operator but got '${token.raw}'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.`,
      token,
    )
  }

  private parseList(): JqlValue[] {
    const open = this.peek()
    if (open.type !== '(') {
      // `in currentUser()`: a function in place of the list
      if (open.type === 'word' && this.tokens[this.index + 1]?.type === '(') return [this.parseValue()]
      throw this.error(`Expecting '(' but got '${open.raw}'.`, open)
    }
    this.next()
    const values = [this.parseValue()]
    while (this.peek().type === ',') {
      this.next()
      values.push(this.parseValue())
    }
    this.expect(')', `Expecting ')' but got '${this.peek().raw}'.`)
    return values
  }

  private parseValue(): JqlValue {
    const token = this.next()
    if (token.type === 'string') return { kind: 'string', value: token.text }
    if (token.type === 'word') {
      const upper = token.text.toUpperCase()
      if (upper === 'EMPTY' || upper === 'NULL') return { kind: 'empty' }
      if (this.peek().type === '(') return this.parseFunction(token)
      if (!KEYWORDS.has(upper) && token.text !== '') return { kind: 'string', value: token.text }
    }
    throw this.error(
      `Expecting either a value, list or function but got '${token.raw}'. You must surround '${token.raw}' in quotation marks to use it as a value.`,
      token,
    )
  }

  private parseFunction(nameToken: Token): JqlValue {
    this.next() // (
    const args: string[] = []
    if (this.peek().type !== ')') {
      for (;;) {
        const arg = this.next()
        if (arg.type !== 'word' && arg.type !== 'string') throw this.error(`Expecting a function argument but got '${arg.raw}'.`, arg)
        args.push(arg.text)
        if (this.peek().type !== ',') break
        this.next()
      }
    }
    this.expect(')', `Expecting ')' but got '${this.peek().raw}'.`)
    if (nameToken.text.toLowerCase() !== 'currentuser') {
      throw this.error(`Unable to find JQL function '${nameToken.text}(${args.join(', ')})'.`, nameToken)
    }
    if (args.length > 0) throw this.error(`Function 'currentUser' expected '0' arguments but received '${args.length}'.`, nameToken)
    return { kind: 'function', name: 'currentUser', args }
  }

  private checkValueAllowed(field: JqlField, fieldToken: Token, value: JqlValue): void {
    if (value.kind === 'empty' && field !== 'assignee' && field !== 'summary') {
      throw this.error(`The field '${fieldToken.text}' does not support searching for EMPTY values.`, fieldToken)
    }
    if (value.kind === 'function' && field !== 'assignee') {
      throw this.error(`A value provided by the function '${value.name}' is invalid for the field '${fieldToken.text}'.`, fieldToken)
    }
  }

  private parseOrderBy(): JqlSort[] {
    this.next() // ORDER
    const by = this.next()
    if (!this.isKeyword(by, 'BY')) throw this.error(`Expecting 'by' but got '${by.raw}'.`, by)
    const sorts: JqlSort[] = []
    for (;;) {
      const token = this.next()
      if (token.type !== 'word' && token.type !== 'string') throw this.error(`Expecting a field name but got '${token.raw}'.`, token)
      const name = token.text.toLowerCase()
      const field = SORT_FIELDS[name]
      if (!field) {
        if (FIELD_ALIASES[name]) throw this.error(`Not able to sort using field '${token.text}'.`, token)
        throw this.error(`Field '${token.text}' does not exist or you do not have permission to view it.`, token)
      }
      let direction: 'asc' | 'desc' = 'asc'
      if (this.isKeyword(this.peek(), 'ASC')) this.next()
      else if (this.isKeyword(this.peek(), 'DESC')) {
        this.next()
        direction = 'desc'
      }
      sorts.push({ field, direction })
      if (this.peek().type !== ',') break
      this.next()
    }
    return sorts
  }

  // ---- token helpers

  private peek(): Token {
    return this.tokens[this.index]!
  }

  private next(): Token {
    const token = this.tokens[this.index]!
    if (token.type !== 'eof') this.index++
    return token
  }

  private atEnd(): boolean {
    return this.peek().type === 'eof'
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.type === 'word' && token.text.toUpperCase() === keyword
  }

  private expect(type: TokenType, message: string): Token {
    const token = this.peek()
    if (token.type !== type) throw this.error(message, token)
    return this.next()
  }

  private error(message: string, token: Token): JqlError {
    return new JqlError(`${message} ${where(this.jql, token.pos)}`)
  }
}
