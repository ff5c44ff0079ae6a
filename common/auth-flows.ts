/** What Cognito allows an app client created without ExplicitAuthFlows: SRP, custom auth and refresh. */
export const DEFAULT_EXPLICIT_AUTH_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;

/** The flows an app client allows: its own list, or Cognito's default when it has none. */
export function explicitAuthFlowsOf(client: { ExplicitAuthFlows?: string[] } | null | undefined): string[] {
  return client?.ExplicitAuthFlows?.length ? client.ExplicitAuthFlows : [...DEFAULT_EXPLICIT_AUTH_FLOWS];
}
