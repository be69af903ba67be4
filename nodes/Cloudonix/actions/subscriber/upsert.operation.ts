import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { DryRunStop, noteFollowUp, noteTarget } from '../../../shared/dryRun';
import { readOnlyIfUnchanged } from '../../../shared/onlyIfUnchanged';
import type { OperationContext } from '../../helpers/parameters';
import { checkUnchanged, outputOptions, readNewSubscriber, shape, subscriberTarget } from '../../helpers/parameters';
import type { JsonObject, SubscriberChanges } from '../../helpers/subscriber';
import { updateBody } from '../../helpers/subscriber';
import { statusOf } from '../../helpers/client';
import {
	additionalFieldsProperty,
	msisdnProperty,
	outputProperty,
	passwordProperties,
} from './descriptions';
import { asNodeError } from '../../../shared/errors';

const properties: INodeProperties[] = [
	{
		displayName:
			'Matches by MSISDN. The domain is listed once per run; then each item costs one request (none if nothing changed). Feed it Compare Extensions\' Local Only and Changed outputs.',
		name: 'upsertNotice',
		type: 'notice',
		default: '',
	},
	msisdnProperty('The subscriber\'s MSISDN, e.g. {{ $json.number }}. A subscriber with this MSISDN is updated, otherwise created.'),
	...passwordProperties('The SIP password: set on new subscribers and on existing ones whose password differs'),
	additionalFieldsProperty(
		'Whether the subscriber is active (sent only when it differs)',
	),
	outputProperty(),
];

const displayOptions = { show: { resource: ['subscriber'], operation: ['upsert'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

type Action = 'created' | 'updated' | 'unchanged';

/**
 * Create or Update by MSISDN. A "Generate" password is used only when creating, so existing
 * subscribers keep theirs. If another worker creates the MSISDN first, the create answers
 * "duplicate" and this falls back to an update; a lost create answer is checked, not re-sent.
 * With Only If Unchanged, an update reads the subscriber again just before writing, and a
 * subscriber that existed when compared but is gone now fails the item instead of being created.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext) {
	const { client } = context;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const expected = readOnlyIfUnchanged(this, itemIndex);
	const { msisdn, setPassword, profile, body: createBody } = readNewSubscriber(this, itemIndex, fields);
	const active = typeof fields.active === 'boolean' ? fields.active : undefined;
	const options = outputOptions(this, itemIndex);
	const result = (record: JsonObject, action: Action) => ({ ...shape(record, options), action });

	const directory = await client.loadDirectory(itemIndex);
	let existing = directory.get(msisdn);
	const target = subscriberTarget(msisdn, existing === undefined ? undefined : String(existing.id));
	noteTarget(this, target, existing as IDataObject | undefined);
	if (expected) {
		existing = await checkUnchanged(this, context, itemIndex, expected, { id: target.id as string | undefined, msisdn });
	} else if (!existing && active === false) {
		noteFollowUp(this, { method: 'PUT', path: '{id}', body: { active: false } });
	}

	for (let attempt = 0; attempt < 2; attempt++) {
		if (!existing) {
			const created = await client.create(createBody, itemIndex);
			if (created.outcome === 'created') {
				if (active === false) {
					return result(await client.update(String(created.subscriber.id), { active: false }, itemIndex), 'created');
				}
				return result(created.subscriber, 'created');
			}
			existing = created.subscriber;
		}
		const changes: SubscriberChanges = { sipPassword: setPassword, active, profile };
		const body = updateBody(changes, existing, true);
		if (!Object.keys(body).length) return result(existing, 'unchanged');
		try {
			return result(await client.update(String(existing.id), body, itemIndex), 'updated');
		} catch (error) {
			if (error instanceof DryRunStop) throw asNodeError(this.getNode(), error);
			// Deleted since the list was read: create it instead (once), unless it had to be unchanged.
			if (statusOf(error) !== 404 || attempt > 0 || expected) throw asNodeError(this.getNode(), error);
			directory.delete(msisdn);
			existing = undefined;
		}
	}
	/* istanbul ignore next */
	throw new Error('unreachable');
}
