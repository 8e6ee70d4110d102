import { mountPage } from '../../src/ui/mount';
import { OptionsApp } from '../../src/ui/options/OptionsApp';
import { OPTIONS_VIEWS } from '../../src/ui/options/registry';

mountPage(<OptionsApp views={OPTIONS_VIEWS} />);
