import type { IExecuteFunctions } from 'n8n-workflow';

import type { ConvergentResult, ConvergentWrite } from '../../shared/convergentWrite';
import { convergentWrite } from '../../shared/convergentWrite';
import { CREDENTIAL_TYPE, threeCxBaseUrl } from '../transport/credential';

/**
 * A read-modify-write of one user's list (Groups, Phones, ForwardingProfiles) through
 * convergentWrite. PATCH /Users({Id}) replaces the list it names and XAPI documents `If-Match`
 * for DELETE /Users({Id}) only, so there is no compare-and-set: writes to one user wait for each
 * other in this process (keyed by the PBX URL and the user), and each write is read back.
 */
export async function convergentUserWrite<S>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	id: number,
	spec: ConvergentWrite<S>,
): Promise<ConvergentResult<S>> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return await convergentWrite(ctx, itemIndex, `3cx ${threeCxBaseUrl(credentials.url)} user ${id}`, spec);
}
