import type { IExecuteFunctions } from 'n8n-workflow';

import { convergentWrite } from '../../shared/convergentWrite';
import type { SubscriberClient } from './client';
import { notFound } from './parameters';
import type { JsonObject, SubscriberChanges } from './subscriber';
import { subscriberPassword, updateBody } from './subscriber';

export interface ConvergentUpdate {
	/** The subscriber as read back, holding the change. */
	record: JsonObject;
	/** Whether anything was written (false: the subscriber already held the change). */
	changed: boolean;
}

/**
 * Writes `changes` to subscriber `id` when they include profile keys: the node merges them into
 * the profile it read and PUTs the whole object (Cloudonix does not say whether PUT merges or
 * replaces `profile`), and Cloudonix documents no If-Match or version for that PUT. So two
 * writers that read the same profile undo each other's keys. Through convergentWrite: writes to
 * one subscriber wait for each other in this process, each write is computed from a fresh read
 * and read back, and a change that does not hold is written again a bounded number of times,
 * then fails the item. `subscriber.fresh` is the record as this item just read it, if it did
 * (not the run's list, which may be older than another writer's change).
 */
export async function convergentSubscriberUpdate(
	ctx: IExecuteFunctions,
	client: SubscriberClient,
	subscriber: { id: string; msisdn?: string; fresh?: JsonObject },
	changes: SubscriberChanges,
	itemIndex: number,
): Promise<ConvergentUpdate> {
	const { id, msisdn } = subscriber;
	let written = false;
	let fresh = subscriber.fresh;
	const pending = (state: JsonObject) => {
		const body = updateBody(changes, state, true);
		// A PBX that does not show the password cannot confirm it; the write that sent it must do.
		if (written && subscriberPassword(state) === undefined) delete body.sipPassword;
		return body;
	};
	const { state, changed } = await convergentWrite(ctx, itemIndex, `cloudonix ${client.domain} subscriber ${id}`, {
		target: `the Cloudonix subscriber ${msisdn ?? `with ID ${id}`}`,
		read: async () => {
			const given = fresh;
			fresh = undefined;
			return given ?? (await readById(ctx, client, id, itemIndex));
		},
		holds: (current) => !Object.keys(pending(current)).length,
		write: async (current) => {
			const body = pending(current);
			written = true;
			await client.update(id, body, itemIndex);
		},
	});
	return { record: state, changed };
}

/** The subscriber with this id, read now (GET by id; the list when the PBX read the id as an MSISDN). */
async function readById(ctx: IExecuteFunctions, client: SubscriberClient, id: string, itemIndex: number): Promise<JsonObject> {
	const record = await client.getById(id, itemIndex);
	if (String(record.id) === id) return record;
	const found = (await client.list(itemIndex)).find((sub) => String(sub.id) === id);
	if (!found) throw notFound(ctx, `ID ${id}`, client.domain, itemIndex);
	return found;
}
