import { Box, Text } from 'ink';
import type { Dialog } from '../state/types.ts';

/** Forms, plans to confirm, work in progress and results (secrets shown once), drawn over the screen. */
export function DialogView({ dialog, width }: { dialog: Dialog; width: number }) {
  return (
    <Box flexDirection="column" borderStyle="double" borderColor="cyan" paddingX={1} width={Math.min(width, 100)} flexShrink={0}>
      <Text bold wrap="truncate">
        {dialog.title}
      </Text>
      <DialogBody dialog={dialog} />
    </Box>
  );
}

function DialogBody({ dialog }: { dialog: Dialog }) {
  switch (dialog.kind) {
    case 'busy':
      return <Text dimColor>working… (nothing is written until it finishes)</Text>;
    case 'form':
      return (
        <Box flexDirection="column">
          {dialog.fields.map((field, index) => (
            <Text key={field.name} inverse={index === dialog.focus} wrap="truncate">
              {field.label.padEnd(26)}
              {field.choices ? `‹ ${field.value} ›` : `${field.value}${index === dialog.focus ? '█' : ''}`}
            </Text>
          ))}
          <Text dimColor>tab next field · ←/→ choose · enter shows the plan · esc cancels</Text>
        </Box>
      );
    case 'plan':
      return (
        <Box flexDirection="column">
          <Text>The plan (nothing is written until you confirm):</Text>
          {dialog.steps.map((step, index) => (
            <Box key={index} flexDirection="column" flexShrink={0}>
              <Text wrap="wrap">{`${index + 1}. ${step.description}`}</Text>
              {(step.sql ?? []).map((sql, line) => (
                <Text key={line} dimColor wrap="truncate">
                  {`     ${sql}`}
                </Text>
              ))}
            </Box>
          ))}
          {dialog.confirmName !== null ? (
            <Text color="red" wrap="truncate">
              Type the exact name "{dialog.confirmName}" to confirm: {dialog.typed}█
            </Text>
          ) : (
            <Text color="cyan">enter or y applies · esc or n cancels</Text>
          )}
        </Box>
      );
    case 'result':
      return (
        <Box flexDirection="column">
          {dialog.lines.map((line, index) => (
            <Text key={index} wrap="truncate">
              {line}
            </Text>
          ))}
          {dialog.secret ? (
            <Text wrap="truncate">
              {dialog.secret.label}:{' '}
              <Text bold color="yellow">
                {dialog.secret.value}
              </Text>
              <Text color="yellow"> (shown once: store it now)</Text>
            </Text>
          ) : null}
          <Text dimColor>enter closes{dialog.secret ? '; the secret cannot be shown again' : ''}</Text>
        </Box>
      );
  }
}
