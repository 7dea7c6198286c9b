import type { Role } from '../roles/roles.ts';

export interface InvitationMailFacts {
  tenantName: string;
  tenantSlug: string;
  role: Role | null;
  invitedBy: string;
  expiresAt: Date;
  /** The tenant's primary domain, for the acceptance link. */
  primaryHost: string | null;
}

/** Subject and body of an invitation; the token is the `{{token}}` slot, filled only at delivery. */
export function invitationMail(facts: InvitationMailFacts): { subject: string; body: string } {
  const as = facts.role ? `as ${facts.role === 'admin' || facts.role === 'analyst' || facts.role === 'owner' ? 'an' : 'a'} ${facts.role}` : 'as a member';
  const link = facts.primaryHost ? [`Accept it here: https://${facts.primaryHost}/invitations/accept?token={{token}}`, ''] : [];
  return {
    subject: `You are invited to join ${facts.tenantName}`,
    body: [
      'Hello,',
      '',
      `${facts.invitedBy} invited you to join ${facts.tenantName} (${facts.tenantSlug}) ${as}.`,
      '',
      ...link,
      'Your invitation token:',
      '',
      '    {{token}}',
      '',
      `It expires on ${facts.expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC and works once.`,
      '',
      'If you did not expect this invitation, ignore this message.',
      '',
    ].join('\n'),
  };
}
