<?php
/**
 * What editors can put in content: blocks, shortcodes and, through kses, the widgets' own tags
 * with their presentational attributes. Configuration never comes from content.
 *
 * @package AnvaWidgets
 */

defined( 'ABSPATH' ) || exit;

// Editors without unfiltered_html keep the widgets' tags, with exactly their presentational attributes.
add_filter(
	'wp_kses_allowed_html',
	function ( $tags, $context ) {
		if ( 'post' !== $context ) {
			return $tags;
		}
		foreach ( anva_widgets_elements() as $widget => $attributes ) {
			$tags[ 'anva-' . $widget ] = array_fill_keys( array_keys( $attributes ), true );
		}
		unset( $tags['anva-hub'] );
		return $tags;
	},
	10,
	2
);

// `detail-href="javascript:…"` loses its protocol like any href.
add_filter(
	'wp_kses_uri_attributes',
	function ( $attributes ) {
		return array_merge( $attributes, anva_widgets_href_attributes() );
	}
);

/**
 * Takes configuration out of rendered content, whoever wrote it (Administrators and Editors
 * with unfiltered_html skip kses): `<anva-hub>` and `data-anva="hub"` come only from the plugin.
 */
function anva_widgets_strip_configuration( $html ) {
	if ( false === stripos( $html, 'hub' ) ) {
		return $html;
	}
	$html = preg_replace( '#<\s*/?\s*anva-hub\b[^>]*>#i', '', $html );
	return preg_replace( '#(<[^>]*?)\s+data-anva\s*=\s*(["\']?)\s*hub\s*\2(?=[\s/>])#i', '$1', $html );
}
add_filter( 'the_content', 'anva_widgets_strip_configuration', 20 );
add_filter( 'widget_text_content', 'anva_widgets_strip_configuration', 20 );
add_filter( 'widget_block_content', 'anva_widgets_strip_configuration', 20 );

add_action(
	'init',
	function () {
		foreach ( array_keys( anva_widgets_elements() ) as $widget ) {
			add_shortcode(
				'anva_' . str_replace( '-', '_', $widget ),
				function ( $attributes ) use ( $widget ) {
					return anva_widgets_element( $widget, is_array( $attributes ) ? $attributes : array() );
				}
			);
		}
		// The Hub is the plugin's: [anva_hub …] prints nothing, whatever its attributes say.
		add_shortcode( 'anva_hub', '__return_empty_string' );
		anva_widgets_register_blocks();
	}
);

/** Block attribute (`detailHref`) => element attribute (`detail-href`). */
function anva_widgets_block_attributes( $widget ) {
	$map = array();
	foreach ( anva_widgets_elements()[ $widget ] as $name => $kind ) {
		$key         = lcfirst( str_replace( ' ', '', ucwords( str_replace( '-', ' ', $name ) ) ) );
		$map[ $key ] = array(
			'attribute' => $name,
			'type'      => 'columns' === $kind ? 'array' : 'string',
		);
	}
	return $map;
}

/** One dynamic block per widget; the markup is rendered here, so it is always current. */
function anva_widgets_register_blocks() {
	$url = plugins_url( 'blocks/editor.js', ANVA_WIDGETS_FILE );
	wp_register_script( 'anva-widgets-blocks', $url, array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components' ), ANVA_WIDGETS_VERSION, true );
	wp_localize_script( 'anva-widgets-blocks', 'anvaWidgetsEditor', anva_widgets_editor_strings() );

	$about = array(
		'login'           => array( __( 'ANVA sign-in', 'anva-widgets' ), __( 'A sign-in button for customers; once signed in, their name and a sign-out button.', 'anva-widgets' ), 'admin-users' ),
		'contracts'       => array( __( 'ANVA contracts', 'anva-widgets' ), __( 'The signed-in customer’s insurance contracts, with search and filter.', 'anva-widgets' ), 'list-view' ),
		'contract-detail' => array( __( 'ANVA contract details', 'anva-widgets' ), __( 'One contract with its dates, premium and coverages.', 'anva-widgets' ), 'media-document' ),
		'account'         => array( __( 'ANVA account', 'anva-widgets' ), __( 'The customer’s own details and their broker.', 'anva-widgets' ), 'id' ),
	);
	foreach ( $about as $widget => list( $title, $description, $icon ) ) {
		$attributes = array();
		foreach ( anva_widgets_block_attributes( $widget ) as $key => $spec ) {
			$attributes[ $key ] = array( 'type' => $spec['type'] );
		}
		register_block_type(
			'anva-widgets/' . $widget,
			array(
				'api_version'     => 2,
				'title'           => $title,
				'description'     => $description,
				'category'        => 'widgets',
				'icon'            => $icon,
				'keywords'        => array( 'anva', 'polis', 'verzekering', 'insurance' ),
				'supports'        => array( 'html' => false ),
				'attributes'      => $attributes,
				'editor_script'   => 'anva-widgets-blocks',
				'render_callback' => function ( $values ) use ( $widget ) {
					$given = array();
					foreach ( anva_widgets_block_attributes( $widget ) as $key => $spec ) {
						if ( isset( $values[ $key ] ) ) {
							$given[ $spec['attribute'] ] = $values[ $key ];
						}
					}
					return anva_widgets_element( $widget, $given );
				},
			)
		);
	}
}

/** The block editor's words, translated with the plugin's text domain. */
function anva_widgets_editor_strings() {
	return array(
		'settings'      => __( 'Widget settings', 'anva-widgets' ),
		'language'      => __( 'Language', 'anva-widgets' ),
		'tone'          => __( 'Form of address', 'anva-widgets' ),
		'siteDefault'   => __( 'As set for the site', 'anva-widgets' ),
		'dutch'         => __( 'Dutch', 'anva-widgets' ),
		'english'       => __( 'English', 'anva-widgets' ),
		'formal'        => __( 'Formal (u)', 'anva-widgets' ),
		'informal'      => __( 'Informal (je)', 'anva-widgets' ),
		'columns'       => __( 'Columns', 'anva-widgets' ),
		'columnNames'   => array(
			'type'           => __( 'Type', 'anva-widgets' ),
			'contractNumber' => __( 'Contract number', 'anva-widgets' ),
			'description'    => __( 'Description', 'anva-widgets' ),
			'provider'       => __( 'Provider', 'anva-widgets' ),
			'status'         => __( 'Status', 'anva-widgets' ),
		),
		'pageSize'      => __( 'Contracts per page', 'anva-widgets' ),
		'detailHref'    => __( 'Contract page', 'anva-widgets' ),
		'detailHelp'    => __( 'Address of the page with the contract details; {id} becomes the contract, e.g. /polis/?contract={id}. Empty: no links.', 'anva-widgets' ),
		'contractId'    => __( 'Contract (optional)', 'anva-widgets' ),
		'contractHelp'  => __( 'Empty: the contract chosen in the list, or ?contract= in the address.', 'anva-widgets' ),
		'changeHref'    => __( 'Page for changing a contract', 'anva-widgets' ),
		'claimHref'     => __( 'Page for reporting a claim', 'anva-widgets' ),
		'invalidHref'   => __( 'Use an address on this site (/…) or one starting with https://.', 'anva-widgets' ),
		'previewNote'   => __( 'Your customers see their own data here after signing in.', 'anva-widgets' ),
		'notConfigured' => anva_widgets_configured() ? '' : __( 'ANVA widgets are not set up yet: an administrator fills in Settings → ANVA widgets.', 'anva-widgets' ),
	);
}
