import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../../shared/requestContext';
import { trimBaseUrl } from '../../shared/url';

/** The credential type of the Cloudonix node (credentials/CloudonixApi.credentials.ts). */
export const CREDENTIAL_TYPE = 'cloudonixApi';

/** Cloudonix's production API; staging is https://api.staging.cloudonix.io. */
export const DEFAULT_BASE_URL = 'https://api.cloudonix.io';

/**
 * The credential's API Base URL without spaces or trailing slashes, production when empty. The
 * credential's test request is an expression that computes the same (test/compat/baseUrl.test.ts).
 */
export function cloudonixBaseUrl(url: unknown): string {
	return trimBaseUrl(url) || DEFAULT_BASE_URL;
}

/** The credential's Domain (name or UUID); a credential without one is refused before any request. */
export function cloudonixDomain(ctx: RequestContext, credentials: ICredentialDataDecryptedObject): string {
	const domain = String(credentials.domain ?? '').trim();
	if (!domain) {
		throw new NodeOperationError(ctx.getNode(), 'The Cloudonix API credential has no Domain', {
			description: 'Enter the domain name or UUID in the credential.',
		});
	}
	return domain;
}
