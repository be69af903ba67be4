/**
 * Saved workflows and credentials keep working: every parameter path, type, default and option
 * value recorded in parameterPaths.json must still exist. New parameters, options, versions and
 * nodes are fine (they are not in the snapshot yet).
 *
 * Nodes, versions and credentials that are not recorded yet are named in a warning. After adding
 * parameters, record them so that later changes cannot drop them:
 *   UPDATE_PARAMETER_PATHS=1 npx jest test/compat
 * Refreshing only ever adds: entries that went missing stay in the snapshot (and keep failing)
 * until someone removes them from parameterPaths.json by hand, which needs a new node version.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import type { ParameterPathSnapshot } from './parameterPaths';
import { currentParameterPaths, missingPaths } from './parameterPaths';

const SNAPSHOT = join(__dirname, 'parameterPaths.json');

/**
 * Removals an issue allowed, each with the field that replaces it and why. Nothing else may go.
 * Issue 23: n8n's verification scanner reads "cert" in a credential field name as a secret, and
 * n8n passes a node only the fields its credential type declares, so the old value cannot be
 * read once the field is renamed. A saved credential that had it on fails loudly on the first
 * request to a PBX with a self-signed certificate: "…TLS certificate is not trusted; for a
 * self-signed certificate turn on "Ignore SSL Issues" in the credential" (README, CHANGELOG 1.0.0).
 */
const ALLOWED_REMOVALS: Array<{ credential: string; removed: string[]; replacedBy: string[] }> = ['openVoxApi', 'sipXcomApi', 'threeCxApi'].map(
	(credential) => ({
		credential,
		removed: ['allowUnauthorizedCerts default false', 'allowUnauthorizedCerts: boolean'],
		replacedBy: ['ignoreSSLIssues default false', 'ignoreSSLIssues: boolean'],
	}),
);
const allowedRemoval = (line: string) =>
	ALLOWED_REMOVALS.some(({ credential, removed }) => removed.some((entry) => line === `credential ${credential}: ${entry}`));

function merged(recorded: ParameterPathSnapshot, current: ParameterPathSnapshot): ParameterPathSnapshot {
	const union = (a: string[] = [], b: string[] = []) => [...new Set([...a, ...b])].sort();
	const result: ParameterPathSnapshot = { nodes: {}, credentials: {} };
	for (const node of [...new Set([...Object.keys(recorded.nodes), ...Object.keys(current.nodes)])].sort()) {
		result.nodes[node] = {};
		const versions = new Set([...Object.keys(recorded.nodes[node] ?? {}), ...Object.keys(current.nodes[node] ?? {})]);
		for (const version of [...versions].sort()) {
			result.nodes[node][version] = union(recorded.nodes[node]?.[version], current.nodes[node]?.[version]);
		}
	}
	for (const credential of [...new Set([...Object.keys(recorded.credentials), ...Object.keys(current.credentials)])].sort()) {
		result.credentials[credential] = union(recorded.credentials[credential], current.credentials[credential]);
	}
	return result;
}

function readSnapshot(): ParameterPathSnapshot {
	try {
		return JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as ParameterPathSnapshot;
	} catch {
		return { nodes: {}, credentials: {} };
	}
}

describe('parameter paths of saved workflows and credentials', () => {
	const current = currentParameterPaths();
	let recorded = readSnapshot();
	if (process.env.UPDATE_PARAMETER_PATHS) {
		recorded = merged(recorded, current);
		writeFileSync(SNAPSHOT, `${JSON.stringify(recorded, null, '\t')}\n`);
	}

	// What is not recorded yet is named, not failed: additions are fine.
	beforeAll(() => {
		const unrecorded = [
			...Object.entries(current.nodes).flatMap(([node, versions]) =>
				Object.keys(versions)
					.filter((version) => !recorded.nodes[node]?.[version])
					.map((version) => `node ${node} v${version}`),
			),
			...Object.keys(current.credentials)
				.filter((credential) => !recorded.credentials[credential])
				.map((credential) => `credential ${credential}`),
		];
		if (unrecorded.length) {
			console.warn(
				`Not yet protected by test/compat/parameterPaths.json: ${unrecorded.join(', ')}.\n` +
					'Record them with: UPDATE_PARAMETER_PATHS=1 npx jest test/compat (and commit the JSON).',
			);
		}
	});

	it('still has every recorded parameter path, type, default and option value', () => {
		const missing = missingPaths(recorded, current).filter((line) => !allowedRemoval(line));
		if (missing.length) {
			throw new Error(
				`${missing.length} recorded parameter path(s) changed or disappeared; saved workflows or credentials would break:\n` +
					`${missing.map((line) => `  - ${line}`).join('\n')}\n\n` +
					'Keep the old name, type, default and option values, and put new behaviour behind a new node version ' +
					'(version: [1, 2] with @version in displayOptions). If you only added parameters, record them with:\n' +
					'  UPDATE_PARAMETER_PATHS=1 npx jest test/compat\n' +
					'which only adds to test/compat/parameterPaths.json.',
			);
		}
	});

	it('allows only the removals an issue allowed, each with its replacement in place', () => {
		for (const { credential, removed, replacedBy } of ALLOWED_REMOVALS) {
			expect(recorded.credentials[credential]).toEqual(expect.arrayContaining(removed));
			expect(current.credentials[credential]).toEqual(expect.arrayContaining(replacedBy));
		}
	});

	it('detects a parameter that disappears or changes type, and ignores additions', () => {
		const before: ParameterPathSnapshot = {
			nodes: { demo: { '1': ['*/* a: string', 'x/y b = "one"'] } },
			credentials: { demoApi: ['url: string'] },
		};
		const after: ParameterPathSnapshot = {
			nodes: { demo: { '1': ['*/* a: number', 'x/y b = "two"', 'x/y c: string'], '2': ['*/* a: number'] } },
			credentials: { demoApi: ['url: string', 'token: hidden'] },
		};
		expect(missingPaths(before, after)).toEqual(['node demo v1: */* a: string', 'node demo v1: x/y b = "one"']);
		expect(missingPaths(before, merged(before, after))).toEqual([]);
	});
});
