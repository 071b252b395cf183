import { mountPage } from '../lib/mount-page';
import App from './App.svelte';

mountPage(App);
