import { mountPage } from '../lib/mount-page';
import Picker from './Picker.svelte';

mountPage(Picker);
