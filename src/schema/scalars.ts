import { DateTimeResolver, EmailAddressResolver, JSONResolver, LocalDateResolver, URLResolver } from 'graphql-scalars'
import { builder } from './builder.ts'

builder.addScalarType('DateTime', DateTimeResolver)
// A calendar date without time or zone ("2026-12-24"), as JIRA keeps due and release dates.
builder.addScalarType('Date', LocalDateResolver)
builder.addScalarType('URL', URLResolver)
builder.addScalarType('JSON', JSONResolver)
builder.addScalarType('EmailAddress', EmailAddressResolver)

/** JIRA writes offsets without a colon ("2013-05-29T13:56:24.224+1000"); DateTime wants RFC 3339. */
export function jiraDate(value: string | null | undefined): Date | null {
  if (!value) return null
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
  return Number.isNaN(date.getTime()) ? null : date
}
