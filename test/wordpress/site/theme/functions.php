<?php
add_action(
	'wp_enqueue_scripts',
	function () {
		wp_enqueue_style( 'anva-test', get_stylesheet_uri(), array(), '1' );
	}
);
