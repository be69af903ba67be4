import { csvToObjects, objectsToCsv, parseCsv } from '../../nodes/ThreeCx/helpers/csv';
import { parseUserIds, toUserId } from '../../nodes/ThreeCx/helpers/ids';
import { normaliseRecord as normaliseUser } from '../../nodes/ThreeCx/helpers/record';
import { extractThreeCxError } from '../../nodes/ThreeCx/transport/api';
import { odataString, stableOrderBy, userPath } from '../../nodes/ThreeCx/transport/odata';
import { searchPhrase, withDepartment } from '../../nodes/ThreeCx/transport/odata';
import { applyQuery, parseFilter } from '../../dev/sandbox/threecx/odata';
import type { EntitySet } from '../../dev/sandbox/threecx/odata';

describe('CSV', () => {
	it('handles BOM, quotes, doubled quotes, embedded commas and line breaks, CRLF and no final newline', () => {
		const text = '\ufeffNumber,Name,Note\r\n100,"Doe, John","said ""hi""\nthen left"\r\n101,Ann,\n102,"",x';
		expect(parseCsv(text)).toEqual([
			['Number', 'Name', 'Note'],
			['100', 'Doe, John', 'said "hi"\nthen left'],
			['101', 'Ann', ''],
			['102', '', 'x'],
		]);
		expect(csvToObjects('A,B\n1\n\n2,3\n')).toEqual([{ A: '1', B: '' }, { A: '2', B: '3' }]);
		expect(csvToObjects('')).toEqual([]);
	});

	it('round-trips through objectsToCsv', () => {
		const records = [{ a: 'x,y', b: 'q"uote' }, { a: 'line\nbreak', c: true }];
		expect(csvToObjects(objectsToCsv(records))).toEqual([
			{ a: 'x,y', b: 'q"uote', c: '' },
			{ a: 'line\nbreak', b: '', c: 'true' },
		]);
	});
});

describe('user IDs', () => {
	it('parses JSON arrays, comma lists, numbers and numeric strings', () => {
		expect(parseUserIds('[1, "2", 3]')).toEqual([1, 2, 3]);
		expect(parseUserIds(' 4, 5;6  7 ')).toEqual([4, 5, 6, 7]);
		expect(parseUserIds(8)).toEqual([8]);
		expect(parseUserIds([9, '10'])).toEqual([9, 10]);
		expect(parseUserIds('')).toEqual([]);
	});

	it('rejects what 3CX would not take as int32 user IDs', () => {
		expect(() => parseUserIds('[1,')).toThrow(/not valid JSON/);
		expect(() => parseUserIds('{"ids":[1]}')).toThrow(/JSON array/);
		expect(() => toUserId(1.5)).toThrow('1.5 is not a user ID');
		expect(() => toUserId('12a')).toThrow();
		expect(() => toUserId(-1)).toThrow();
		expect(() => toUserId(2147483648)).toThrow();
		expect(() => toUserId(true)).toThrow();
	});
});

describe('OData helpers', () => {
	it('quotes literals and builds key paths', () => {
		expect(odataString("O'Brien")).toBe("'O''Brien'");
		expect(userPath({ id: 12 })).toBe('/Users(12)');
		expect(userPath({ number: '100' })).toBe("/Users(Number='100')");
		expect(userPath({ number: "a'b c/#" })).toBe("/Users(Number='a''b%20c%2F%23')");
	});

	it('makes $orderby stable with Id', () => {
		expect(stableOrderBy(undefined)).toBe('Id');
		expect(stableOrderBy(' LastName desc , FirstName ')).toBe('LastName desc,FirstName,Id');
		expect(stableOrderBy('Id desc')).toBe('Id desc');
		expect(stableOrderBy('Number,id asc')).toBe('Number,id asc');
	});

	it('quotes search phrases and adds the department lambda', () => {
		expect(searchPhrase('john doe')).toBe('"john doe"');
		expect(searchPhrase('"john doe"')).toBe('"john doe"');
		expect(searchPhrase('john')).toBe('john');
		expect(withDepartment(undefined, 3)).toBe('Groups/any(g:g/GroupId eq 3)');
		expect(withDepartment('a eq 1', undefined)).toBe('a eq 1');
	});

	it('reads OData and token error bodies', () => {
		expect(
			extractThreeCxError({
				error: { code: '', message: 'EmailAddress:\nWARNINGS.XAPI.ALREADY_IN_USE', details: [{ code: '', message: 'WARNINGS.XAPI.ALREADY_IN_USE', target: 'EmailAddress' }] },
			}),
		).toBe('EmailAddress: WARNINGS.XAPI.ALREADY_IN_USE');
		expect(extractThreeCxError('{"error":{"code":"","message":"Number:\\nWARNINGS.XAPI.FORBIDDEN_CHANGE"}}')).toBe('Number: WARNINGS.XAPI.FORBIDDEN_CHANGE');
		expect(extractThreeCxError(Buffer.from('{"error":{"code":"","message":"The query specified in the URI is not valid."}}'))).toBe(
			'The query specified in the URI is not valid.',
		);
		expect(extractThreeCxError({ error: 'unauthorized', error_description: 'The request requires valid user authentication.' })).toBe(
			'The request requires valid user authentication.',
		);
		expect(extractThreeCxError('')).toBeUndefined();
	});
});

describe('normalised extension', () => {
	it('maps a Pbx.User and strips secrets', () => {
		expect(
			normaliseUser({ Id: 7, Number: '107', FirstName: 'A', LastName: ' ', DisplayName: 'A', EmailAddress: 'a@x', Enabled: false, IsRegistered: true, VMPIN: '1234', '@odata.etag': 'x' }),
		).toEqual({
			number: '107',
			name: 'A',
			firstName: 'A',
			email: 'a@x',
			enabled: false,
			status: 'registered',
			id: '7',
			source: '3cx',
			raw: { Id: 7, Number: '107', FirstName: 'A', LastName: ' ', DisplayName: 'A', EmailAddress: 'a@x', Enabled: false, IsRegistered: true },
		});
	});
});

describe('sandbox OData subset', () => {
	const set: EntitySet = {
		entity: 'User',
		schema: { Id: 'number', Number: 'string', Name: 'string', Enabled: 'boolean', Mobile: 'string', Groups: 'collection' },
		nested: { Groups: { schema: { GroupId: 'number' }, entity: 'UserGroup' } },
		searchable: ['Name'],
		navigation: ['Groups'],
	};
	const rows = [
		{ Id: 1, Number: '100', Name: "O'Neil", Enabled: true, Mobile: null, Groups: [{ GroupId: 1 }] },
		{ Id: 2, Number: '200', Name: 'Bea', Enabled: false, Mobile: '+49', Groups: [{ GroupId: 2 }] },
		{ Id: 3, Number: '300', Name: 'cid', Enabled: true, Mobile: '+43', Groups: [] },
	];
	const ids = (query: Record<string, string>) => applyQuery(set, rows, query).rows.map((r) => r.Id);

	it('evaluates comparisons, logic, functions, literals and lambdas', () => {
		expect(ids({ $filter: "Number ge '200' and not (Enabled eq false)" })).toEqual([3]);
		expect(ids({ $filter: "Name eq 'O''Neil' or Id gt 2" })).toEqual([1, 3]);
		expect(ids({ $filter: 'Mobile eq null' })).toEqual([1]);
		expect(ids({ $filter: 'Mobile ne null and Id le 2' })).toEqual([2]);
		expect(ids({ $filter: "endswith(tolower(Name),'a') or startswith(Mobile,'+43')" })).toEqual([2, 3]);
		expect(ids({ $filter: "contains(toupper(Name),'NEI')" })).toEqual([1]);
		expect(ids({ $filter: 'Groups/any(g:g/GroupId eq 2)' })).toEqual([2]);
		expect(ids({ $filter: 'Id lt 3 and Enabled eq true' })).toEqual([1]);
	});

	it('orders by several keys, pages, counts, selects and searches', () => {
		const result = applyQuery(set, rows, { $orderby: 'Enabled desc,Number desc', $top: '2', $skip: '0', $count: 'true', $select: 'Id,Name' });
		expect(result).toEqual({ rows: [{ Id: 3, Name: 'cid' }, { Id: 1, Name: "O'Neil" }], count: 3 });
		expect(ids({ $search: 'BE' })).toEqual([2]);
		expect(applyQuery(set, rows, { $expand: 'Groups', $select: 'Id', $top: '1' }).rows).toEqual([{ Id: 1, Groups: [{ GroupId: 1 }] }]);
	});

	it('rejects bad queries like ASP.NET OData', () => {
		expect(() => parseFilter("Name eq 'x")).toThrow(/Unterminated string/);
		expect(() => ids({ $filter: 'Nope eq 1' })).toThrow("Could not find a property named 'Nope'");
		expect(() => ids({ $filter: "Id eq '1'" })).toThrow(/incompatible types/);
		expect(() => ids({ $filter: 'frob(Name)' })).toThrow(/unknown function/);
		expect(() => ids({ $top: '-1' })).toThrow(/Invalid value '-1' for \$top/);
		expect(() => applyQuery(set, rows, { $top: '101' }, { maxTop: 100 })).toThrow(/limit of '100' for Top query/);
		expect(() => ids({ $expand: 'Phones' })).toThrow(/Could not find a property named 'Phones'/);
		expect(() => ids({ $apply: 'x' })).toThrow(/not supported/);
		expect(() => ids({ $count: 'yes' })).toThrow(/not a valid count option/);
	});
});
