import { Button, Group, Text } from '@mantine/core';
import { IconArrowBackUp, IconEraser } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignaturePadControl } from './useSignaturePad';

/**
 * The drawing box: a canvas with a signature line, its label and instructions for assistive technology,
 * Undo (last stroke) and Clear. Drawing again after Clear is the "redo" of the paper world.
 */
export function SignaturePadField({ pad, signerName }: { pad: SignaturePadControl; signerName: string }) {
  const { t } = useTranslation();
  const hintId = useId();
  const stateId = useId();
  return (
    <div>
      <Group justify="space-between" align="flex-end" mb={6} wrap="nowrap">
        <Text size="sm" fw={500} id={hintId}>
          {t('steps.review.sign.pad.hint')}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Button variant="subtle" size="compact-sm" leftSection={<IconArrowBackUp size={15} />} disabled={pad.strokes === 0} onClick={pad.undo}>
            {t('steps.review.sign.pad.undo')}
          </Button>
          <Button variant="subtle" size="compact-sm" leftSection={<IconEraser size={15} />} disabled={pad.strokes === 0} onClick={pad.clear}>
            {t('steps.review.sign.pad.clear')}
          </Button>
        </Group>
      </Group>
      <div className="signature-box">
        <canvas
          ref={pad.canvasRef}
          className="signature-canvas"
          role="img"
          tabIndex={0}
          aria-label={t('steps.review.sign.pad.label', { name: signerName })}
          aria-describedby={`${hintId} ${stateId}`}
          data-testid="signature-canvas"
        />
        <div className="signature-line" aria-hidden>
          <span className="signature-cross">×</span>
          <span className="signature-line-label">{t('steps.review.sign.pad.line')}</span>
        </div>
      </div>
      <Text size="xs" c="dimmed" mt={4} id={stateId} aria-live="polite">
        {pad.strokes > 0 ? t('steps.review.sign.pad.drawn') : t('steps.review.sign.pad.empty')}
      </Text>
    </div>
  );
}
