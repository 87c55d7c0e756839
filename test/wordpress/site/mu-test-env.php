<?php
/** The test site makes no network calls of its own: no mail, no update checks. */
add_filter( 'pre_wp_mail', '__return_false' );
foreach ( array( '_maybe_update_core', '_maybe_update_plugins', '_maybe_update_themes' ) as $check ) {
	remove_action( 'admin_init', $check );
}
