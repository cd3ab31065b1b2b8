import { Drawer, Tabs } from '@mantine/core';
import { IconGavel, IconParking } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/appStore';
import { DecisionLog } from './DecisionLog';
import { ParkingLot } from './ParkingLot';
import { useLogCounts } from './useLogCounts';

/** Decision log and parking lot, reachable from every step; both live in the agreement and reach the document. */
export function LogDrawer({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const counts = useLogCounts();
  // Kept in the store while the workshop is open: the facilitator usually goes back to the same tab, and
  // "park this" opens the parking lot directly.
  const tab = useAppStore((s) => s.logTab);
  const setTab = useAppStore((s) => s.setLogTab);
  return (
    <Drawer
      closeButtonProps={{ 'aria-label': t('facilitation.close') }}
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('facilitation.log.title')}
    >
      <Tabs value={tab} onChange={(value) => setTab(value === 'parking' ? 'parking' : 'decisions')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="decisions" leftSection={<IconGavel size={16} />}>
            {t('facilitation.log.decisionsTab', { count: counts.decisions })}
          </Tabs.Tab>
          <Tabs.Tab value="parking" leftSection={<IconParking size={16} />}>
            {t('facilitation.log.parkingTab', { count: counts.openParked })}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="decisions">
          <DecisionLog />
        </Tabs.Panel>
        <Tabs.Panel value="parking">
          <ParkingLot />
        </Tabs.Panel>
      </Tabs>
    </Drawer>
  );
}
