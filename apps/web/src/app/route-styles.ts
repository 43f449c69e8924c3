// Mantine CSS of the components that screens other than sign-in draw (menus, drawers, tables,
// tabs, badges, progress bars, pills…): 10 kB gz the sign-in page, first thing a phone on a slow
// line downloads, does not need. routes.tsx loads this file beside every screen's chunk, so it
// is there (after styles.ts, as Mantine's order wants) before any of those screens shows.
// Features import no Mantine CSS of their own: each file is here or in styles.ts, fetched once.
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Card.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Menu.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/Divider.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/Timeline.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Chip.css';
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/Fieldset.css';
import '@mantine/core/styles/Tabs.css';
import '@mantine/core/styles/Pagination.css';
import '@mantine/core/styles/Drawer.css';
