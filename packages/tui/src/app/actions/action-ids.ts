/** Every operation the console can plan and apply. */
export type ConsoleActionId =
  | 'provision'
  | 'suspend'
  | 'resume'
  | 'invite'
  | 'grantRole'
  | 'revokeRole'
  | 'addDomain'
  | 'makePrimary'
  | 'createKey'
  | 'revokeKey'
  | 'revokeInvitation'
  | 'changePlan'
  | 'deleteTenant'
  | 'repair';
