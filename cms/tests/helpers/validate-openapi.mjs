// Validates an OpenAPI document read from standard input with @seriousme/openapi-schema-validator (an ES
// module, which the CommonJS test runner cannot load itself); prints its verdict as JSON.
import { Validator } from '@seriousme/openapi-schema-validator';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const result = await new Validator().validate(JSON.parse(input));
process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors ?? [] }));
