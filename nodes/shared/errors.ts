import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * A caught error to pass on from node code: a NodeApiError or NodeOperationError goes on as it
 * is (callers still read its HTTP status), anything else is wrapped in a NodeOperationError so
 * that n8n never shows a raw error.
 */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}
