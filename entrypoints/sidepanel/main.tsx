import { mountPage } from '../../src/ui/mount';
import { SidePanelApp } from '../../src/ui/sidepanel/SidePanelApp';

mountPage(<SidePanelApp />);
