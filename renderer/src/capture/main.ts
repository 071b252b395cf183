import { mountPage } from '../lib/mount-page';
import Capture from './Capture.svelte';

mountPage(Capture);
