import {
	DEFAULT_MASS_CHANGE_SETTINGS,
	MassChangeSettingError,
	checkMassChange,
	readSafetySettings,
	safetyProperty,
	verdictJson,
} from '../../nodes/shared/massChange';
import type { MassChangeSettings } from '../../nodes/shared/massChange';

const settings = (overrides: Partial<MassChangeSettings> = {}): MassChangeSettings => ({
	...DEFAULT_MASS_CHANGE_SETTINGS,
	...overrides,
});

describe('checkMassChange', () => {
	it('passes an ordinary nightly run', () => {
		const verdict = checkMassChange({ localTotal: 200, remoteTotal: 200, localOnly: 5, remoteOnly: 3, changed: 40 });
		expect(verdict).toEqual({ status: 'passed', trips: [] });
	});

	it('passes two empty inputs (nothing to change)', () => {
		expect(checkMassChange({ localTotal: 0, remoteTotal: 0, localOnly: 0, remoteOnly: 0 }).status).toBe('passed');
	});

	it('stops when the Local input is empty and names both inputs, the counts and the override', () => {
		const verdict = checkMassChange({ localTotal: 0, remoteTotal: 200, localOnly: 0, remoteOnly: 200 });
		expect(verdict.status).toBe('stopped');
		expect(verdict.trips.map((trip) => trip.rule)).toEqual(['emptyInput', 'maxRemoteOnly']);
		expect(verdict.message).toBe(
			'Safety stop: the Local input is empty while the Remote input has 200 items; ' +
				'Remote Only would be 200 of 200 items in the Remote input (100 %), above the limit of 10 % of the Remote input (20 items). ' +
				'Nothing was passed on.',
		);
		expect(verdict.description).toContain('Safety → Allow This Run');
		expect(verdict.description).toContain('expression');
	});

	it('stops when the Remote input is empty', () => {
		const verdict = checkMassChange(
			{ localTotal: 3, remoteTotal: 0, localOnly: 3, remoteOnly: 0 },
			settings({ maxLocalOnly: { unit: 'none', value: 0 } }),
		);
		expect(verdict.trips).toEqual([
			{ rule: 'emptyInput', count: 3, total: 0, reason: 'the Remote input is empty while the Local input has 3 items' },
		]);
	});

	it('does not stop on an empty input when that rule is off', () => {
		const verdict = checkMassChange(
			{ localTotal: 0, remoteTotal: 5, localOnly: 0, remoteOnly: 5 },
			settings({ stopWhenInputEmpty: false, maxRemoteOnly: { unit: 'none', value: 0 } }),
		);
		expect(verdict.status).toBe('passed');
	});

	it('compares percentages exactly: 20 of 200 is 10 % and passes, 21 stops', () => {
		const at = (remoteOnly: number) => checkMassChange({ localTotal: 200, remoteTotal: 200, localOnly: 0, remoteOnly });
		expect(at(20).status).toBe('passed');
		const verdict = at(21);
		expect(verdict.status).toBe('stopped');
		expect(verdict.trips[0]).toMatchObject({ rule: 'maxRemoteOnly', count: 21, total: 200, allowedItems: 20 });
		expect(verdict.trips[0].reason).toBe(
			'Remote Only would be 21 of 200 items in the Remote input (10.5 %), above the limit of 10 % of the Remote input (20 items)',
		);
	});

	it('limits Local Only separately, by default 25 % of the Local input', () => {
		const verdict = checkMassChange({ localTotal: 100, remoteTotal: 100, localOnly: 26, remoteOnly: 0 });
		expect(verdict.trips.map((trip) => trip.rule)).toEqual(['maxLocalOnly']);
		expect(verdict.trips[0].reason).toContain('25 % of the Local input (25 items)');
		expect(checkMassChange({ localTotal: 100, remoteTotal: 100, localOnly: 25, remoteOnly: 0 }).status).toBe('passed');
	});

	it('takes limits as counts', () => {
		const limits = settings({ maxRemoteOnly: { unit: 'count', value: 500 } });
		expect(checkMassChange({ localTotal: 9000, remoteTotal: 10000, localOnly: 0, remoteOnly: 500 }, limits).status).toBe('passed');
		const verdict = checkMassChange({ localTotal: 9000, remoteTotal: 10000, localOnly: 0, remoteOnly: 501 }, limits);
		expect(verdict.trips[0].reason).toBe(
			'Remote Only would be 501 of 10000 items in the Remote input (5 %), above the limit of 500 items',
		);
	});

	// Issue 21 point 5: limits compare exactly, whatever floating point makes of value × total.
	it.each([
		[2.3, 3000, 69],
		[0.57, 10000, 57],
		[18.4, 375, 69],
		[0.1, 1000000, 1000],
		[33.3, 1000, 333],
		[1e-7, 10000000000, 10],
		[150, 10, 15],
	])('a %s %% limit of %s items allows exactly %s', (value, total, allowed) => {
		const limits = settings({ maxRemoteOnly: { unit: 'percent', value } });
		const at = (remoteOnly: number) => checkMassChange({ localTotal: total, remoteTotal: total, localOnly: 0, remoteOnly }, limits);
		expect(at(allowed).status).toBe('passed');
		const verdict = at(allowed + 1);
		expect(verdict.status).toBe('stopped');
		expect(verdict.trips[0]).toMatchObject({ rule: 'maxRemoteOnly', count: allowed + 1, allowedItems: allowed });
		expect(verdict.trips[0].reason).toContain(`above the limit of ${value} % of the Remote input (${allowed} items)`);
	});

	it('rounds the allowed count of a percent limit down to whole items', () => {
		const verdict = checkMassChange(
			{ localTotal: 7, remoteTotal: 7, localOnly: 0, remoteOnly: 1 },
			settings({ maxRemoteOnly: { unit: 'percent', value: 14.2 } }),
		);
		expect(verdict.trips[0]).toMatchObject({ allowedItems: 0 });
		expect(checkMassChange({ localTotal: 7, remoteTotal: 7, localOnly: 0, remoteOnly: 1 }, settings({ maxRemoteOnly: { unit: 'percent', value: 14.3 } })).status).toBe('passed');
	});

	it('has no Changed limit by default and checks one when set', () => {
		const counts = { localTotal: 10, remoteTotal: 10, localOnly: 0, remoteOnly: 0, changed: 10 };
		expect(checkMassChange(counts).status).toBe('passed');
		const verdict = checkMassChange(counts, settings({ maxChanged: { unit: 'percent', value: 50 } }));
		expect(verdict.trips[0]).toMatchObject({ rule: 'maxChanged', count: 10, allowedItems: 5 });
	});

	it('lets an allowed run through but still reports what tripped', () => {
		const verdict = checkMassChange(
			{ localTotal: 0, remoteTotal: 7, localOnly: 0, remoteOnly: 7 },
			settings({ allowThisRun: true }),
		);
		expect(verdict.status).toBe('allowed');
		expect(verdict.message).toBeUndefined();
		expect(verdictJson(verdict)).toEqual({
			status: 'allowed',
			reasons: [
				'the Local input is empty while the Remote input has 7 items',
				'Remote Only would be 7 of 7 items in the Remote input (100 %), above the limit of 10 % of the Remote input (0 items)',
			],
		});
	});

	it('uses the caller’s words for inputs, outputs and the override', () => {
		const verdict = checkMassChange(
			{ localTotal: 0, remoteTotal: 50, localOnly: 0, remoteOnly: 50 },
			settings({ maxRemoteOnly: { unit: 'none', value: 0 } }),
			{ local: 'current', remote: 'previous', allowSwitch: 'Options → Safety → Allow This Run' },
		);
		expect(verdict.message).toContain('the current input is empty while the previous input has 50 items');
		expect(verdict.description).toContain('Options → Safety → Allow This Run');
	});

	it('says "1 item" for one', () => {
		const verdict = checkMassChange({ localTotal: 0, remoteTotal: 1, localOnly: 0, remoteOnly: 1 });
		expect(verdict.trips[0].reason).toBe('the Local input is empty while the Remote input has 1 item');
	});
});

describe('readSafetySettings', () => {
	it('gives the defaults when nothing was added', () => {
		expect(readSafetySettings({})).toEqual(DEFAULT_MASS_CHANGE_SETTINGS);
		expect(readSafetySettings(undefined)).toEqual(DEFAULT_MASS_CHANGE_SETTINGS);
	});

	it('reads every option', () => {
		expect(
			readSafetySettings({
				stopWhenInputEmpty: false,
				remoteOnlyLimit: 'count',
				maxRemoteOnly: 500,
				localOnlyLimit: 'none',
				changedLimit: 'percent',
				maxChanged: 30,
				allowThisRun: true,
			}),
		).toEqual({
			stopWhenInputEmpty: false,
			maxRemoteOnly: { unit: 'count', value: 500 },
			maxLocalOnly: { unit: 'none', value: 0 },
			maxChanged: { unit: 'percent', value: 30 },
			allowThisRun: true,
		});
	});

	it('takes Allow This Run and numbers from expressions as text', () => {
		const read = readSafetySettings({ allowThisRun: 'true', maxRemoteOnly: '15' });
		expect(read.allowThisRun).toBe(true);
		expect(read.maxRemoteOnly).toEqual({ unit: 'percent', value: 15 });
		expect(readSafetySettings({ allowThisRun: ' FALSE ' }).allowThisRun).toBe(false);
		expect(readSafetySettings({ allowThisRun: '' }).allowThisRun).toBe(false);
	});

	it.each([
		[{ allowThisRun: 'yes please' }, 'Safety → Allow This Run must be true or false, got "yes please"', 'Allow This Run'],
		[{ maxRemoteOnly: -1 }, 'Safety → Max Remote Only must be a percentage of 0 or more, got -1', 'Max Remote Only'],
		[{ maxLocalOnly: 'abc' }, 'Safety → Max Local Only must be a percentage of 0 or more, got "abc"', 'Max Local Only'],
		[{ remoteOnlyLimit: 'count', maxRemoteOnly: 2.5 }, 'Safety → Max Remote Only must be a whole number of items of 0 or more, got 2.5', 'Max Remote Only'],
		[{ remoteOnlyLimit: 'count' }, 'Safety → Remote Only Limit is "Number of Items" but Max Remote Only is not set', 'Max Remote Only'],
		[{ changedLimit: 'percent' }, 'Safety → Changed Limit is "Percentage" but Max Changed is not set', 'Max Changed'],
		[{ changedLimit: 'lots' }, 'Safety → Changed Limit must be "percent", "count" or "none", got "lots"', 'Changed Limit'],
	])('refuses %j', (value, message, parameter) => {
		let thrown: unknown;
		try {
			readSafetySettings(value);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(MassChangeSettingError);
		expect((thrown as MassChangeSettingError).message).toBe(message);
		expect((thrown as MassChangeSettingError).parameter).toBe(parameter);
	});
});

describe('safetyProperty', () => {
	it('is a collection named "safety" whose option defaults are the guard defaults', () => {
		const property = safetyProperty();
		expect(property).toMatchObject({ name: 'safety', type: 'collection', default: {} });
		const defaults = Object.fromEntries(
			(property.options as Array<{ name: string; default: unknown }>).map((option) => [option.name, option.default]),
		);
		expect(readSafetySettings(defaults)).toEqual(DEFAULT_MASS_CHANGE_SETTINGS);
	});

	it('lists its options sorted by display name, as n8n’s lint expects', () => {
		const names = (safetyProperty().options as Array<{ displayName: string }>).map((option) => option.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it('names the caller’s inputs and takes display options', () => {
		const property = safetyProperty({ local: 'Current', remote: 'Previous', displayOptions: { show: { mode: ['diff'] } } });
		expect(property.description).toContain('10 % of the Previous input');
		expect(property.displayOptions).toEqual({ show: { mode: ['diff'] } });
		expect(JSON.stringify(property.options)).toContain('Percentage of Previous Input');
	});
});
