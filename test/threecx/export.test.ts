import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { EXPORT_COLUMNS } from '../../dev/sandbox/threecx';
import { NODE } from './helpers';

const csv = sandboxPerTest(threeCx, { seed: 25 });
const json = sandboxPerTest(threeCx, { options: { exportFormat: 'json' }, seed: 25 });
const csvSandbox = csv.sandbox;

const EXPORT = '/xapi/v1/Users/Pbx.ExportExtensions()';

describe('3CX Export Extensions', () => {
	it('returns the text/csv answer as a binary file with name and mime type', async () => {
		const { run } = csv.current();
		const result = await run({ operation: 'exportExtensions', exportOutput: 'file', binaryPropertyName: 'data' });
		expect(result.status).toBe('success');
		const [item] = result.output(NODE)[0];
		expect(item.json).toEqual({ fileName: 'extensions.csv', mimeType: 'text/csv', rows: 25, sourceContentType: 'text/csv; charset=UTF-8' });
		const binary = item.binary!.data;
		expect(binary.fileName).toBe('extensions.csv');
		expect(binary.mimeType).toBe('text/csv');
		const text = Buffer.from(binary.data, 'base64').toString('utf8');
		expect(text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
		expect(text).toContain("O'Brien");
		expect(csvSandbox.server.requests.find((r) => r.path === EXPORT)?.headers.accept).toContain('text/csv');
	});

	it('passes every OData option and parses one item per row, keyed by the header', async () => {
		const { run } = csv.current();
		const result = await run({
				operation: 'exportExtensions',
				exportOutput: 'rows',
				options: {
					top: 5,
					skip: 1,
					search: 'example',
					filter: "Enabled eq true and LastName ne 'x'",
					count: true,
					select: 'Number,FirstName,LastName,EmailAddress,AuthPassword',
					orderby: 'Number desc',
					expand: 'Groups',
				},
			});
		expect(result.status).toBe('success');
		const request = csvSandbox.server.requests.find((r) => r.path === EXPORT)!;
		expect(request.query).toEqual({
			$top: '5',
			$skip: '1',
			$search: 'example',
			$filter: "Enabled eq true and LastName ne 'x'",
			$count: 'true',
			$select: 'Number,FirstName,LastName,EmailAddress,AuthPassword',
			$orderby: 'Number desc',
			$expand: 'Groups',
		});
		const rows = result.json(NODE);
		expect(rows).toHaveLength(5);
		expect(rows[0]).toEqual({ Number: '123', FirstName: expect.any(String), LastName: expect.any(String), EmailAddress: expect.stringContaining('@') });
		expect(result.output(NODE)[0].every((i) => i.binary === undefined)).toBe(true);
	});

	it('"File and Rows" attaches the file to the first row and keeps secrets only when asked', async () => {
		const { run } = csv.current();
		const result = await run({
				operation: 'exportExtensions',
				exportOutput: 'both',
				binaryPropertyName: 'csv',
				options: { includeSecrets: true, fileName: 'pbx-users.csv', filter: "Number eq '100' or Number eq '101'" },
			});
		const items = result.output(NODE)[0];
		expect(items).toHaveLength(2);
		expect(items[0].binary?.csv.fileName).toBe('pbx-users.csv');
		expect(items[1].binary).toBeUndefined();
		expect(items[0].json.AuthPassword).toBe('sip-pw-100-x9');
		expect(items[0].json.Department).toBe('DEFAULT');
	});

	it('accepts a JSON answer (as the swagger declares) and still produces a CSV file and rows', async () => {
		const { run } = json.current();
		const file = await run({ operation: 'exportExtensions', exportOutput: 'file', options: { count: true, select: 'Id,Number,FirstName' } });
		const [item] = file.output(NODE)[0];
		expect(item.json).toMatchObject({ rows: 25, count: 25, mimeType: 'text/csv' });
		const text = Buffer.from(item.binary!.data.data, 'base64').toString('utf8');
		expect(text.split('\r\n')[0]).toBe('Id,Number,FirstName');
		const rows = await run({ operation: 'exportExtensions', exportOutput: 'rows', options: { select: 'Id,Number,VMPIN' } });
		expect(rows.json(NODE)[0]).toEqual({ Id: 1, Number: '100' });
	});

	it('surfaces a bad $filter as a clear error', async () => {
		const { run } = csv.current();
		const result = await run({ operation: 'exportExtensions', exportOutput: 'file', options: { filter: "startswith(Number,'1'" } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^3CX request failed \(HTTP 400\): The query specified in the URI is not valid\./);
	});
});
