/**
 * The subset of OData v4 query options the 3CX sandbox understands, with errors worded like
 * ASP.NET OData's ("The query specified in the URI is not valid. …"): $filter with
 * eq/ne/gt/ge/lt/le, and/or/not, parentheses, contains/startswith/endswith/tolower/toupper,
 * string/number/bool/null literals and `Groups/any(g:g/GroupId eq 1)`; multi-key $orderby;
 * $select; $expand; $top/$skip; $count; $search.
 */
export class ODataError extends Error {}

export type PropType = 'string' | 'number' | 'boolean' | 'collection' | 'object';
export type Schema = Record<string, PropType>;
type Row = Record<string, unknown>;

type Token =
	| { kind: 'string'; value: string }
	| { kind: 'number'; value: number }
	| { kind: 'word'; value: string }
	| { kind: 'punct'; value: '(' | ')' | ',' | ':' };

function tokenize(input: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < input.length) {
		const ch = input[i];
		if (/\s/.test(ch)) {
			i++;
		} else if (ch === "'") {
			let value = '';
			i++;
			for (;;) {
				if (i >= input.length) throw new ODataError(`Unterminated string literal at position ${i} in '${input}'.`);
				if (input[i] === "'") {
					if (input[i + 1] === "'") {
						value += "'";
						i += 2;
						continue;
					}
					i++;
					break;
				}
				value += input[i++];
			}
			tokens.push({ kind: 'string', value });
		} else if ('(),:'.includes(ch)) {
			tokens.push({ kind: 'punct', value: ch as '(' });
			i++;
		} else if (/[-\d]/.test(ch) && /^-?\d/.test(input.slice(i))) {
			const match = /^-?\d+(\.\d+)?/.exec(input.slice(i))!;
			tokens.push({ kind: 'number', value: Number(match[0]) });
			i += match[0].length;
		} else if (/[A-Za-z_$]/.test(ch)) {
			const match = /^[A-Za-z_$][\w$]*(\/[A-Za-z_$][\w$]*)*/.exec(input.slice(i))!;
			tokens.push({ kind: 'word', value: match[0] });
			i += match[0].length;
		} else {
			throw new ODataError(`Syntax error: character '${ch}' is not valid at position ${i} in '${input}'.`);
		}
	}
	return tokens;
}

export type Expr =
	| { type: 'literal'; value: unknown }
	| { type: 'property'; path: string[] }
	| { type: 'binary'; op: string; left: Expr; right: Expr }
	| { type: 'not'; operand: Expr }
	| { type: 'call'; name: string; args: Expr[] }
	| { type: 'any'; collection: string; variable: string; body: Expr };

const COMPARISON = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const FUNCTIONS: Record<string, number> = { contains: 2, startswith: 2, endswith: 2, tolower: 1, toupper: 1, length: 1 };

class Parser {
	private pos = 0;
	constructor(
		private readonly tokens: Token[],
		private readonly text: string,
		private readonly variables: string[] = [],
	) {}

	parse(): Expr {
		const expr = this.or();
		if (this.pos < this.tokens.length) this.fail(`unexpected '${this.describe(this.tokens[this.pos])}'`);
		return expr;
	}

	private fail(message: string): never {
		throw new ODataError(`Syntax error at position ${this.pos} in '${this.text}': ${message}.`);
	}

	private describe(token: Token | undefined): string {
		return token ? String(token.value) : 'end of input';
	}

	private peekWord(word: string): boolean {
		const token = this.tokens[this.pos];
		return token?.kind === 'word' && token.value === word;
	}

	private expect(value: string): void {
		const token = this.tokens[this.pos];
		if (!token || token.kind !== 'punct' || token.value !== value) this.fail(`expected '${value}' but found '${this.describe(token)}'`);
		this.pos++;
	}

	private or(): Expr {
		let left = this.and();
		while (this.peekWord('or')) {
			this.pos++;
			left = { type: 'binary', op: 'or', left, right: this.and() };
		}
		return left;
	}

	private and(): Expr {
		let left = this.unary();
		while (this.peekWord('and')) {
			this.pos++;
			left = { type: 'binary', op: 'and', left, right: this.unary() };
		}
		return left;
	}

	private unary(): Expr {
		if (this.peekWord('not')) {
			this.pos++;
			return { type: 'not', operand: this.unary() };
		}
		return this.comparison();
	}

	private comparison(): Expr {
		const left = this.primary();
		const token = this.tokens[this.pos];
		if (token?.kind === 'word' && COMPARISON.includes(token.value)) {
			this.pos++;
			return { type: 'binary', op: token.value, left, right: this.primary() };
		}
		return left;
	}

	private primary(): Expr {
		const token = this.tokens[this.pos];
		if (!token) this.fail('expression expected');
		if (token.kind === 'punct' && token.value === '(') {
			this.pos++;
			const inner = this.or();
			this.expect(')');
			return inner;
		}
		if (token.kind === 'string' || token.kind === 'number') {
			this.pos++;
			return { type: 'literal', value: token.value };
		}
		if (token.kind === 'word') {
			this.pos++;
			if (token.value === 'true' || token.value === 'false') return { type: 'literal', value: token.value === 'true' };
			if (token.value === 'null') return { type: 'literal', value: null };
			const next = this.tokens[this.pos];
			if (next?.kind === 'punct' && next.value === '(') {
				if (token.value.endsWith('/any')) return this.lambda(token.value.slice(0, -4));
				const arity = FUNCTIONS[token.value];
				if (arity === undefined) this.fail(`unknown function '${token.value}'`);
				this.pos++;
				const args: Expr[] = [];
				if (!(this.tokens[this.pos]?.kind === 'punct' && this.tokens[this.pos].value === ')')) {
					args.push(this.or());
					while (this.tokens[this.pos]?.kind === 'punct' && this.tokens[this.pos].value === ',') {
						this.pos++;
						args.push(this.or());
					}
				}
				this.expect(')');
				if (args.length !== arity) this.fail(`function '${token.value}' takes ${arity} argument(s)`);
				return { type: 'call', name: token.value, args };
			}
			if (COMPARISON.includes(token.value) || ['and', 'or', 'not'].includes(token.value)) {
				this.fail(`expression expected before '${token.value}'`);
			}
			return { type: 'property', path: token.value.split('/') };
		}
		this.fail(`unexpected '${this.describe(token)}'`);
	}

	private lambda(collection: string): Expr {
		this.expect('(');
		const variable = this.tokens[this.pos];
		if (variable?.kind !== 'word') this.fail('lambda variable expected');
		this.pos++;
		this.expect(':');
		const inner = new Parser(this.tokens, this.text, [...this.variables, variable.value]);
		inner.pos = this.pos;
		const body = inner.or();
		this.pos = inner.pos;
		this.expect(')');
		return { type: 'any', collection, variable: variable.value, body };
	}
}

export function parseFilter(text: string): Expr {
	return new Parser(tokenize(text), text).parse();
}

interface Scope {
	row: Row;
	schema: Schema;
	entity: string;
	variables: Record<string, { row: Row; schema: Schema; entity: string }>;
	nested: Record<string, { schema: Schema; entity: string }>;
}

function typeOf(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	return typeof value;
}

function propertyValue(scope: Scope, path: string[]): unknown {
	let [head, ...rest] = path;
	let row = scope.row;
	let schema = scope.schema;
	let entity = scope.entity;
	if (scope.variables[head]) {
		({ row, schema, entity } = scope.variables[head]);
		if (!rest.length) return row;
		[head, ...rest] = rest;
	}
	if (!(head in schema)) throw new ODataError(`Could not find a property named '${head}' on type 'Pbx.${entity}'.`);
	const value = row[head];
	if (rest.length) {
		if (schema[head] !== 'object') throw new ODataError(`The property '${head}' on type 'Pbx.${entity}' has no properties.`);
		return value && typeof value === 'object' ? (value as Row)[rest[0]] : null;
	}
	return value ?? null;
}

function compare(op: string, left: unknown, right: unknown): boolean {
	if (op === 'eq') return left === right;
	if (op === 'ne') return left !== right;
	if (left === null || right === null) return false;
	if (typeOf(left) !== typeOf(right)) {
		throw new ODataError(`A binary operator with incompatible types was detected. Found operand types '${typeOf(left)}' and '${typeOf(right)}' for operator kind '${op}'.`);
	}
	const l = left as number | string;
	const r = right as number | string;
	if (op === 'gt') return l > r;
	if (op === 'ge') return l >= r;
	if (op === 'lt') return l < r;
	return l <= r;
}

function evaluate(expr: Expr, scope: Scope): unknown {
	switch (expr.type) {
		case 'literal':
			return expr.value;
		case 'property':
			return propertyValue(scope, expr.path);
		case 'not': {
			const value = evaluate(expr.operand, scope);
			if (typeof value !== 'boolean' && value !== null) throw new ODataError("The 'not' operator needs a boolean operand.");
			return value === null ? null : !value;
		}
		case 'binary': {
			if (expr.op === 'and' || expr.op === 'or') {
				const l = evaluate(expr.left, scope);
				const r = evaluate(expr.right, scope);
				for (const v of [l, r]) {
					if (typeof v !== 'boolean' && v !== null) throw new ODataError(`The '${expr.op}' operator needs boolean operands.`);
				}
				return expr.op === 'and' ? l === true && r === true : l === true || r === true;
			}
			const left = evaluate(expr.left, scope);
			const right = evaluate(expr.right, scope);
			if (left !== null && right !== null && typeOf(left) !== typeOf(right)) {
				throw new ODataError(`A binary operator with incompatible types was detected. Found operand types '${typeOf(left)}' and '${typeOf(right)}' for operator kind '${expr.op}'.`);
			}
			return compare(expr.op, left, right);
		}
		case 'call': {
			const args = expr.args.map((a) => evaluate(a, scope));
			for (const arg of args) {
				if (arg !== null && typeof arg !== 'string') {
					throw new ODataError(`No function signature for the function with name '${expr.name}' matches the specified arguments.`);
				}
			}
			const [a, b] = args as Array<string | null>;
			if (expr.name === 'tolower') return a === null ? null : a.toLowerCase();
			if (expr.name === 'toupper') return a === null ? null : a.toUpperCase();
			if (expr.name === 'length') return a === null ? null : a.length;
			if (a === null || b === null) return false;
			if (expr.name === 'contains') return a.includes(b);
			if (expr.name === 'startswith') return a.startsWith(b);
			return a.endsWith(b);
		}
		case 'any': {
			if (scope.schema[expr.collection] !== 'collection') {
				throw new ODataError(`Could not find a collection property named '${expr.collection}' on type 'Pbx.${scope.entity}'.`);
			}
			const nested = scope.nested[expr.collection];
			const list = (scope.row[expr.collection] as Row[] | undefined) ?? [];
			return list.some(
				(element) =>
					evaluate(expr.body, {
						...scope,
						variables: { ...scope.variables, [expr.variable]: { row: element, schema: nested.schema, entity: nested.entity } },
					}) === true,
			);
		}
	}
}

export interface EntitySet {
	entity: string;
	schema: Schema;
	/** Navigation collections: their element schema, and how to read them for a row. */
	nested: Record<string, { schema: Schema; entity: string }>;
	/** Properties $search looks at (what 3CX matches is undocumented). */
	searchable: string[];
	/** Navigation properties that are left out unless $expand names them. */
	navigation: string[];
}

export interface QueryResult {
	rows: Row[];
	count?: number;
}

const invalid = (message: string) => new ODataError(`The query specified in the URI is not valid. ${message}`);

function parseNonNegative(name: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value)) throw invalid(`Invalid value '${value}' for ${name} query option found.`);
	return Number(value);
}

/** Applies the OData options of a collection request to rows (in order). */
export function applyQuery(
	set: EntitySet,
	allRows: Row[],
	query: Record<string, string>,
	options: { maxTop?: number } = {},
): QueryResult {
	for (const key of Object.keys(query)) {
		if (key.startsWith('$') && !['$filter', '$orderby', '$select', '$expand', '$top', '$skip', '$count', '$search'].includes(key)) {
			throw invalid(`The query parameter '${key}' is not supported.`);
		}
	}
	const top = parseNonNegative('$top', query.$top);
	const skip = parseNonNegative('$skip', query.$skip) ?? 0;
	if (top !== undefined && options.maxTop !== undefined && top > options.maxTop) {
		throw invalid(`The limit of '${options.maxTop}' for Top query has been exceeded. The value from the incoming request is '${top}'.`);
	}
	if (query.$count !== undefined && !['true', 'false'].includes(query.$count)) {
		throw invalid(`'${query.$count}' is not a valid count option.`);
	}
	const expand = (query.$expand ?? '')
		.split(',')
		.map((e) => e.trim())
		.filter(Boolean);
	for (const name of expand) {
		const base = name.replace(/\(.*\)$/, '');
		if (!set.navigation.includes(base)) throw invalid(`Could not find a property named '${base}' on type 'Pbx.${set.entity}'.`);
	}
	let rows = allRows;
	if (query.$filter !== undefined) {
		if (query.$filter.trim() === '') throw invalid('The $filter query option cannot be empty.');
		let expr: Expr;
		try {
			expr = parseFilter(query.$filter);
		} catch (error) {
			throw invalid((error as Error).message);
		}
		const scopeBase = { schema: set.schema, entity: set.entity, variables: {}, nested: set.nested };
		try {
			rows = rows.filter((row) => {
				const result = evaluate(expr, { ...scopeBase, row });
				if (typeof result !== 'boolean' && result !== null) throw new ODataError('The $filter expression must evaluate to a boolean.');
				return result === true;
			});
		} catch (error) {
			throw invalid((error as Error).message);
		}
	}
	if (query.$search !== undefined && query.$search.trim() !== '') {
		const phrase = query.$search.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
		rows = rows.filter((row) => set.searchable.some((p) => String(row[p] ?? '').toLowerCase().includes(phrase)));
	}
	if (query.$orderby !== undefined) {
		const keys = query.$orderby
			.split(',')
			.map((t) => t.trim())
			.filter(Boolean)
			.map((term) => {
				const match = /^([A-Za-z_]\w*)(?:\s+(asc|desc))?$/i.exec(term);
				if (!match) throw invalid(`Syntax error in $orderby at '${term}'.`);
				if (!(match[1] in set.schema) || ['collection', 'object'].includes(set.schema[match[1]])) {
					throw invalid(`Could not find a property named '${match[1]}' on type 'Pbx.${set.entity}'.`);
				}
				return { name: match[1], desc: (match[2] ?? 'asc').toLowerCase() === 'desc' };
			});
		if (!keys.length) throw invalid('The $orderby query option cannot be empty.');
		rows = [...rows].sort((a, b) => {
			for (const key of keys) {
				const x = a[key.name] ?? null;
				const y = b[key.name] ?? null;
				if (x === y) continue;
				// nulls sort first in ascending order, as in SQL Server.
				const cmp = x === null ? -1 : y === null ? 1 : (x as number) < (y as number) ? -1 : 1;
				return key.desc ? -cmp : cmp;
			}
			return 0;
		});
	}
	const count = query.$count === 'true' ? rows.length : undefined;
	rows = rows.slice(skip, top === undefined ? undefined : skip + top);
	const select = (query.$select ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	for (const name of select) {
		if (!(name in set.schema)) throw invalid(`Could not find a property named '${name}' on type 'Pbx.${set.entity}'.`);
	}
	rows = rows.map((row) => shape(set, row, select, expand));
	return { rows, count };
}

/** Projects one row: $select properties (or all non-navigation ones) plus $expand-ed ones. */
export function shape(set: EntitySet, row: Row, select: string[], expand: string[]): Row {
	const out: Row = {};
	const names = select.length ? select : Object.keys(row).filter((k) => !set.navigation.includes(k));
	for (const name of names) if (!set.navigation.includes(name) || expand.some((e) => e.startsWith(name))) out[name] = row[name] ?? null;
	for (const name of expand) {
		const base = name.replace(/\(.*\)$/, '');
		out[base] = JSON.parse(JSON.stringify(row[base] ?? []));
	}
	return out;
}
