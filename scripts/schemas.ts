// Build-time only: the JSON Schemas shipped in schema/, generated from the zod schemas.
import * as z from 'zod/mini';
import { descriptionSchema } from '../src/input/schema.js';
import { outputSchema as output } from '../src/report/output-schema.js';

export function inputSchema() {
  return { $id: 'https://breach.invalid/schema/input.schema.json', title: 'breach/v1 incident description', ...z.toJSONSchema(descriptionSchema, { io: 'input', unrepresentable: 'any' }) };
}
export function outputSchema() {
  return { $id: 'https://breach.invalid/schema/output.schema.json', title: 'breach JSON report, schemaVersion 1', ...z.toJSONSchema(output, { io: 'output', unrepresentable: 'any' }) };
}
