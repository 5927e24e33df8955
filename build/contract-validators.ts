// Build step: the contract's zod schemas, compiled ahead of time into plain validation functions
// (ajv's standalone code) for the browser's WebSocket client. The page's CSP rightly forbids the
// eval that would let zod or ajv compile at run time, and zod's interpreter takes ~300 ms to check
// 10,000 devices on a slow machine; the compiled checks take a few milliseconds. The schemas stay
// the one contract: this only translates them.
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { z } from 'zod';
import * as api from '../shared/contract/api';
import * as common from '../shared/contract/common';
import * as entities from '../shared/contract/entities';
import * as events from '../shared/contract/events';
import * as notify from '../shared/contract/notify';
import * as snmp from '../shared/contract/snmp';
import * as snmpApi from '../shared/contract/snmp-api';
import { WsServerMessage } from '../shared/contract/ws';

export const CONTRACT_VALIDATORS_ID = 'virtual:contract-validators';

/**
 * The module's source: `checkMessage` for anything the server sends, and `checkOutput[method]`
 * for each method's result. They accept what zod's parse accepts; what JSON Schema cannot say
 * (zod refinements and trimming) is left to the engine, which applied it on the way in.
 */
export function contractValidatorsSource(): string {
  const registry = z.registry<{ id: string }>();
  const ids = new Map<z.ZodType, string>();
  const register = (id: string, schema: z.ZodType): string => {
    const known = ids.get(schema);
    if (known) return known;
    ids.set(schema, id);
    registry.add(schema, { id });
    return id;
  };
  // Every named schema of the contract is generated once and referred to wherever it is used.
  for (const module of [common, entities, events, notify, snmp, snmpApi, api])
    for (const [name, value] of Object.entries(module))
      if (value instanceof z.ZodType && /^[A-Z]/.test(name)) register(name, value);
  const messageId = register('WsServerMessage', WsServerMessage);
  const outputIds = Object.fromEntries(
    Object.entries(api.apiMethods).map(([method, { output }]) => [
      method,
      register(`output_${method.replace(/\W/g, '_')}`, output as z.ZodType),
    ]),
  );

  // `input`: what zod's parse accepts, defaults included (a field with a default may be absent).
  const { schemas } = z.toJSONSchema(registry, { io: 'input', unrepresentable: 'any', uri: (id) => id });
  for (const schema of Object.values(schemas)) allowUnknownKeys(schema);
  const ajv = new Ajv2020({
    code: { source: true, esm: true, optimize: true },
    strict: false,
    // Absent fields get the contract's defaults, as zod's parse gives them.
    useDefaults: true,
    messages: false,
    // zod measures strings in UTF-16 units, as String.length does.
    unicode: false,
    validateFormats: false,
    logger: false,
  });
  for (const [id, schema] of Object.entries(schemas)) ajv.addSchema({ ...schema, $id: id });

  const used = [...new Set([messageId, ...Object.values(outputIds)])];
  const exportName = new Map(used.map((id, index) => [id, `check${index}`]));
  const code = standaloneCode(ajv, Object.fromEntries(used.map((id) => [exportName.get(id)!, id])));
  const outputs = Object.entries(outputIds)
    .map(([method, id]) => `  ${JSON.stringify(method)}: ${exportName.get(id)},`)
    .join('\n');
  return `${code}\nexport const checkMessage = ${exportName.get(messageId)};\nexport const checkOutput = {\n${outputs}\n};\n`;
}

/** zod's objects drop keys they do not know rather than refuse them; the checks do the same. */
function allowUnknownKeys(node: unknown): void {
  if (Array.isArray(node)) node.forEach(allowUnknownKeys);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.additionalProperties === false) delete record.additionalProperties;
    Object.values(record).forEach(allowUnknownKeys);
  }
}

/** The Vite plugin that serves the module under CONTRACT_VALIDATORS_ID. */
export function contractValidators() {
  const resolvedId = `\0${CONTRACT_VALIDATORS_ID}`;
  return {
    name: 'vigia-contract-validators',
    resolveId: (id: string) => (id === CONTRACT_VALIDATORS_ID ? resolvedId : null),
    load: (id: string) => (id === resolvedId ? contractValidatorsSource() : null),
  };
}
