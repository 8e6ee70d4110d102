import { mountPage } from '../../src/ui/mount';
import { PopupApp } from '../../src/ui/popup/PopupApp';

mountPage(<PopupApp />);
